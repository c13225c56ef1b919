package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Names built by a method of {@code spanwise-conventions}, {@code
 * Spans.current().attribute(Http.requestHeader("accept"), values)}: checked as the name they build
 * when the key is a constant, against their family when it is not.
 */
class BuiltNamesTest {

  private static final String SUBJECT = SpanHandleCalls.SUBJECT;

  private static Compilation compile(JavaFileObject source, String... options) {
    return javac(options).compile(Compilations.with(BuiltNameSources.conventions(), source));
  }

  @Test
  void constantKeyIsCheckedAsTheBuiltNameWhateverCharactersTheKeyHas() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Ranker",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Http;",
        "import dev.spanwise.conventions.SentryAttributes.Mcp;",
        "import dev.spanwise.conventions.SentryAttributes.Score;",
        "class Ranker {",
        "  static final String KEY = \"relevance\";",
        "  void rank(double relevance, long size, String contentLength) {",
        "    Spans.current().attribute(Score.of(KEY), relevance);",
        "    Spans.current().attribute(Mcp.toolResultDataSize(\"0\"), size);",
        // Sentry defines this one by its full name, as a string, not as its family's string[].
        "    Spans.current().attribute(Http.responseHeader(\"content-length\"), contentLength);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT,
            "http.response.header.content-length"))
        .inFile(source).onLineContaining("content-length");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void nonConstantKeyIsCheckedAgainstTheFamily() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Client",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Http;",
        "import dev.spanwise.conventions.SentryAttributes.Score;",
        "import java.util.List;",
        "class Client {",
        "  void send(String header, List<String> values, String metric, double score) {",
        "    Spans.current().attribute(Http.requestHeader(header), values);",
        "    Spans.current().attribute(Score.of(metric), score);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT,
            "http.request.header.<key>"))
        .inFile(source).onLineContaining("requestHeader(header)");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void deprecatedBuilderWarnsWithTheReplacementForItsKey() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Vitals",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Cls;",
        "import dev.spanwise.conventions.SentryAttributes.Query;",
        "class Vitals {",
        "  void shift(String element, String parameter, String value) {",
        "    Spans.current().attribute(Cls.source(\"lcp\"), element);",
        "    Spans.current().attribute(Query.of(parameter), value);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.DEPRECATED.format(SUBJECT, "Sentry",
            "cls.source.lcp", "'browser.web_vital.cls.source.lcp'"))
        .inFile(source).onLineContaining("Cls.source");
    assertThat(compilation).hadWarningContaining(Message.DEPRECATED.format(SUBJECT, "Sentry",
            "query.<key>", "'url.query'"))
        .inFile(source).onLineContaining("Query.of");
    // query.<key> is personal data too; cls.source.<key> is not.
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT, "query.<key>"))
        .inFile(source).onLineContaining("Query.of");
    assertThat(compilation).hadWarningCount(3);
  }

  @Test
  void deprecatedBuilderWithoutReplacementWarnsInStrictMode() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Tools",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.conventions.SentryAttributes.Mcp;",
        "class Tools {",
        // A @Span in the compilation, so that javac hands the processor its -A option.
        "  @Span(op = \"function\")",
        "  void result(long size) {",
        "    Spans.current().attribute(Mcp.toolResultDataSize(\"0\"), size);",
        "  }",
        "}");

    Compilation compilation = compile(source, "-A" + Options.STRICT + "=true");

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.DEPRECATED_WITHOUT_REPLACEMENT.format(SUBJECT,
            "Sentry", "mcp.tool.result.0.data_size"))
        .inFile(source).onLineContaining("toolResultDataSize");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void textUnderAPersonalDataFamilyWarnsWithTheBuiltName() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Tenants",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Http;",
        "import dev.spanwise.conventions.SentryAttributes.Mdc;",
        "class Tenants {",
        "  void handle(String tenant, String[] accept) {",
        // mdc.<key> is a one-segment family: literal names under mdc. stay the application's own.
        "    Spans.current().attribute(Mdc.of(\"tenant\"), tenant);",
        "    Spans.current().attribute(Http.requestHeader(\"accept\"), accept);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT, "mdc.tenant"))
        .inFile(source).onLineContaining("Mdc.of");
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT,
            "http.request.header.accept"))
        .inFile(source).onLineContaining("requestHeader");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void familyWithItsKeyMidNameIsPersonalDataBuiltOrWrittenOut() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Prompts",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "import dev.spanwise.conventions.SentryAttributes.Mcp;",
        "class Prompts {",
        "  @Span(op = \"mcp.server\")",
        "  void render(@SpanAttribute(\"mcp.prompt.result.first.role\") String first, String role) {",
        "    Spans.current().attribute(Mcp.promptResultRole(\"0\"), role);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.PERSONAL_DATA.format(SUBJECT,
            "mcp.prompt.result.0.role"))
        .inFile(source).onLineContaining("promptResultRole");
    assertThat(compilation).hadWarningContaining("'mcp.prompt.result.first.role'")
        .inFile(source).onLineContaining("mcp.prompt.result.first.role");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void builtNameHasOneTypeWithTheSameNameWrittenOut() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Ranker",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Score;",
        "class Ranker {",
        "  void rank(double relevance, long votes) {",
        "    Spans.current().attribute(Score.of(\"relevance\"), relevance);",
        "    Spans.current().attribute(\"score.relevance\", votes);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    String place = Message.callPlace("Ranker.rank()");
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format(SUBJECT,
            "score.relevance", "double", "integer", place))
        .inFile(source).onLineContaining("Score.of");
    assertThat(compilation).hadWarningContaining(Message.TYPE_CONFLICT.format(SUBJECT,
            "score.relevance", "integer", "double", place))
        .inFile(source).onLineContaining("\"score.relevance\"");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void methodsWithoutAKnownTemplateAreNotChecked() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Later",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes;",
        "class Later {",
        "  void record(String text) {",
        // Unmarked, it builds gen_ai.usage.input_tokens, an integer: the processor cannot know.
        "    Spans.current().attribute(SentryAttributes.plain(\"input_tokens\"), text);",
        "    Spans.current().attribute(SentryAttributes.Future.family(\"x\"), text);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
  }
}
