package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One name, one type per compilation: the seed page records {@code conversation.tools_used} as a
 * count in one flow and as a JSON string in another, which Sentry's span metrics, one type per
 * attribute, cannot chart together. Each place is warned, naming the other.
 */
class TypeConflictsTest {

  private static final String TOOLS = "conversation.tools_used";

  /** The seed's two agent flows: the count from the reply, the JSON of the tools from a string. */
  private static final JavaFileObject AGENTS = JavaFileObjects.forSourceLines("shop.Agents",
      "package shop;",
      "import dev.spanwise.annotations.ResultAttribute;",
      "import dev.spanwise.annotations.Span;",
      "import dev.spanwise.annotations.SpanAttribute;",
      "class Agents {",
      "  record Reply(String message, int toolsUsed) {}",
      "  @Span(op = \"gen_ai.invoke_agent\")",
      "  @ResultAttribute(value = \"conversation.tools_used\", path = \"toolsUsed\")",
      "  Reply support(@SpanAttribute(\"conversation.turn\") int turn) { return null; }",
      "  @Span(op = \"gen_ai.invoke_agent\")",
      "  void research(@SpanAttribute(\"conversation.tools_used\") String toolsJson,",
      "      @SpanAttribute(\"conversation.turn\") long turn) {}",
      "}");

  /** A call that records the name as a string, in a file of its own, compiled after the others. */
  private static final JavaFileObject RESEARCH = JavaFileObjects.forSourceLines("shop.Research",
      "package shop;",
      "import dev.spanwise.Spans;",
      "class Research {",
      "  void run(String json) {",
      "    Spans.current().attribute(\"conversation.tools_used\", json);",
      "  }",
      "}");

  @Test
  void oneNameRecordedAsAnIntegerAndAsAStringWarnsAtBothPlacesNamingTheOther() throws IOException {
    Compilation compilation = javac().compile(AGENTS);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format("@ResultAttribute",
            TOOLS, "integer", "string", Message.parameterPlace("toolsJson", "Agents.research()")))
        .inFile(AGENTS).onLineContaining("@ResultAttribute");
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format("@SpanAttribute",
            TOOLS, "string", "integer", Message.resultPlace("Agents.support()")))
        .inFile(AGENTS).onLineContaining("String toolsJson");
    // conversation.turn is an int in one place and a long in the other: integer both times.
    assertThat(compilation).hadWarningCount(2);

    JsonNode conflicts = catalogue(compilation).get("typeConflicts");
    List<String> listed = new ArrayList<>();
    for (JsonNode conflict : conflicts) {
      listed.add(conflict.get("name").asString() + " " + conflict.get("types").toString());
    }
    assertThat(listed).containsExactly(TOOLS + " [\"integer\",\"string\"]");
  }

  @Test
  void aCallRecordingTheNameWithAnotherTypeWarnsAtTheCallAndAtTheAnnotation() {
    JavaFileObject agent = JavaFileObjects.forSourceLines("shop.Agent",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "import java.util.List;",
        "class Agent {",
        "  @Span(op = \"gen_ai.invoke_agent\")",
        "  void support(@SpanAttribute(\"conversation.tools_used\") int toolsUsed) {}",
        "  void research(List<String> tools) {",
        "    Spans.current().attribute(\"conversation.tools_used\", String.join(\",\", tools));",
        "  }",
        "}");

    Compilation compilation =
        javac().compile(Compilations.with(Compilations.spanHandleStub(), agent));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format(
            SpanHandleCalls.SUBJECT, TOOLS, "string", "integer",
            Message.parameterPlace("toolsUsed", "Agent.support()")))
        .inFile(agent).onLineContaining("String.join");
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format("@SpanAttribute",
            TOOLS, "integer", "string", Message.callPlace("Agent.research()")))
        .inFile(agent).onLineContaining("int toolsUsed");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void aCallInAnotherFileFoundAfterProcessingStillWarnsAtTheAnnotationsLine() {
    Compilation compilation =
        javac().compile(Compilations.with(Compilations.spanHandleStub(), AGENTS, RESEARCH));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format(
            SpanHandleCalls.SUBJECT, TOOLS, "string", "integer", Message.resultPlace("Agents.support()")))
        .inFile(RESEARCH).onLineContaining("json);");
    // The annotations' own conflict, and the call's: three places, each warned once.
    assertThat(compilation).hadWarningCount(3);
  }

  /**
   * The annotation's class is compiled to the end (analysed, lowered, written) before javac
   * analyses the class with the call: the annotation's place is still found then, and the warning
   * points at its value.
   */
  @Test
  void aCallInALaterFileWarnsAtAnAnnotationWhoseClassIsAlreadyWritten() {
    JavaFileObject support = JavaFileObjects.forSourceLines("shop.Support",
        "package shop;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "class Support {",
        "  @Span(op = \"gen_ai.invoke_agent\")",
        "  void reply(",
        "      @SpanAttribute(",
        "          \"conversation.tools_used\") int toolsUsed) {}",
        "}");
    Compilation compilation =
        javac().compile(Compilations.with(Compilations.spanHandleStub(), support, RESEARCH));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format(
            "@SpanAttribute", TOOLS, "integer", "string", Message.callPlace("Research.run()")))
        .inFile(support).onLineContaining("\"conversation.tools_used\") int toolsUsed");
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format(
            SpanHandleCalls.SUBJECT, TOOLS, "string", "integer",
            Message.parameterPlace("toolsUsed", "Support.reply()")))
        .inFile(RESEARCH).onLineContaining("json);");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void oneTypeEverywhereIsQuietAndTheCatalogueListsNoConflict() throws IOException {
    JavaFileObject agent = JavaFileObjects.forSourceLines("shop.Agent",
        "package shop;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "class Agent {",
        "  @Span(op = \"gen_ai.invoke_agent\")",
        "  void support(@SpanAttribute(\"conversation.tools_used\") int toolsUsed) {}",
        "  @Span(op = \"gen_ai.invoke_agent\")",
        "  void research(@SpanAttribute(\"conversation.tools_used\") Long toolsUsed) {}",
        "}");

    Compilation compilation = javac().compile(agent);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(catalogue(compilation).get("typeConflicts")).isEmpty();
  }

  private static JsonNode catalogue(Compilation compilation) throws IOException {
    JavaFileObject file = compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, CatalogueWriter.RESOURCE)
        .orElseThrow();
    return JsonMapper.builder().build().readTree(file.getCharContent(true).toString());
  }
}
