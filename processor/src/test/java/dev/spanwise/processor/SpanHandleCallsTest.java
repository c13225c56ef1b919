package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Constant names passed to {@code Spans.current().attribute(...)} get the annotations' checks. */
class SpanHandleCallsTest {

  private static final String SUBJECT = SpanHandleCalls.SUBJECT;

  private static final JavaFileObject AGENT = JavaFileObjects.forSourceLines("shop.Agent",
      "package shop;",
      "import dev.spanwise.Spans;",
      "class Agent {",
      "  static final String TOKENS = \"gen_ai.usage.\" + \"total_tokens\";",
      "  void reply(String text, long tokens, String dynamicName) {",
      "    Spans.current().attribute(\"gen_ai.usage.total_token\", tokens);",
      "    Spans.current().attribute(\"gen_ai.usage.input_tokens\", text);",
      "    Spans.current().attribute(\"gen_ai.response.text\", text);",
      "    Spans.current().attribute(\"sentry.custom\", true);",
      "    Spans.current().attribute(\"client.address\", text);",
      "    Spans.current().attribute(\"Conversation Turn\", 3);",
      "    Spans.current().attribute(TOKENS, tokens);",
      "    Spans.current().attribute(\"conversation.turn\", 3);",
      "    Spans.current().attribute(dynamicName, text);",
      "  }",
      "}");

  @Test
  void constantNamesAreCheckedAgainstTheValuesStaticType() {
    Compilation compilation = javac().compile(Compilations.with(Compilations.spanHandleStub(), AGENT));

    assertThat(compilation).hadErrorContaining(Message.NEAR_MISS.format(SUBJECT, "gen_ai.usage.total_token",
            "gen_ai.usage.total_tokens", Message.Hint.CUSTOM_CALL))
        .inFile(AGENT).onLineContaining("total_token\"");
    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format(SUBJECT,
            "gen_ai.usage.input_tokens", "an integer", "Sentry", "String", "int, long, Integer or Long",
            Message.Hint.NONE))
        .inFile(AGENT).onLineContaining("input_tokens");
    assertThat(compilation).hadErrorContaining(Message.SENTRY_NAMESPACE.format(SUBJECT, "sentry.custom"))
        .inFile(AGENT).onLineContaining("sentry.custom");
    assertThat(compilation).hadErrorContaining(Message.NAME_SYNTAX.format(SUBJECT, "Conversation Turn",
            "has a space and capitals"))
        .inFile(AGENT).onLineContaining("Conversation Turn");
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadWarningContaining(Message.DEPRECATED.format(SUBJECT, "Sentry",
            "gen_ai.response.text", "'gen_ai.output.messages'"))
        .inFile(AGENT).onLineContaining("gen_ai.response.text");
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT, "client.address"))
        .inFile(AGENT).onLineContaining("client.address");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void recordConstructorsThatCallMethodsStillCompile() {
    // Resolving calls in a record's constructor during processing once broke javac's own pass.
    JavaFileObject prompt = JavaFileObjects.forSourceLines("shop.Prompt",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import java.util.List;",
        "record Prompt(List<String> messages, String system) {",
        "  Prompt {",
        "    messages = List.copyOf(messages);",
        "    Spans.current().attribute(\"conversation.turn\", messages.size());",
        "  }",
        "  Prompt(String system) { this(List.of(), system.strip()); }",
        "  int turns() { return messages.size(); }",
        "}");

    Compilation compilation = javac().compile(Compilations.with(Compilations.spanHandleStub(), prompt));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void withoutJavacsTreesTheCheckIsSkippedQuietly() {
    // The wrapped environment hides javac's Trees API, as Gradle's incremental processing does.
    Compilation compilation = Compiler.javac().withProcessors(new RecordingFiler())
        .compile(Compilations.with(Compilations.spanHandleStub(), AGENT));

    assertThat(compilation).succeededWithoutWarnings();
  }
}
