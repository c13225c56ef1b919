package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;
import static dev.spanwise.processor.SpanwiseProcessorErrorsTest.shop;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each warning: its message, file and line, that it is the only one, and that it fails nothing. */
class SpanwiseProcessorWarningsTest {

  @ParameterizedTest
  @CsvSource({
    "gen_ai.system, gen_ai.provider.name",
    "gen_ai.request.messages, gen_ai.input.messages",
    "gen_ai.tool.input, gen_ai.tool.call.arguments",
    "gen_ai.tool.output, gen_ai.tool.call.result",
    "gen_ai.response.text, gen_ai.output.messages",
    "gen_ai.request.available_tools, gen_ai.tool.definitions",
  })
  void seedsDeprecatedLlmNamesWarnNamingTheReplacement(String deprecated, String replacement) {
    JavaFileObject source = shop(
        "  @Span(op = \"gen_ai.chat\")",
        "  void chat(@SpanAttribute(\"" + deprecated + "\") String value) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.DEPRECATED.format("@SpanAttribute", "Sentry",
            deprecated, "'" + replacement + "'"))
        .inFile(source).onLineContaining(deprecated);
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void openTelemetryRenamesWarnTooButItsGenAiMovesDoNot() {
    JavaFileObject source = shop(
        "  @Span(op = \"db.query\")",
        "  void query(@SpanAttribute(\"db.cosmosdb.status_code\") int status,",
        "      @SpanAttribute(\"gen_ai.agent.id\") String agent) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadWarningContaining(Message.DEPRECATED.format("@SpanAttribute",
            "OpenTelemetry", "db.cosmosdb.status_code", "'db.response.status_code'"))
        .inFile(source).onLineContaining("db.cosmosdb.status_code");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void textUnderAPersonalDataFamilyWarnsButAMeasurementThereDoesNot() {
    JavaFileObject source = shop(
        "  @Span(op = \"search\")",
        "  void search(@SpanAttribute(\"query.text\") String text,",
        "      @SpanAttribute(\"query.length\") int length) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            Message.PERSONAL_DATA.format("@SpanAttribute", "query.text"))
        .inFile(source).onLineContaining("query.text");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void personalDataWarnsThatItIsRecordedOnlyWithSendDefaultPii() {
    JavaFileObject source = shop(
        "  @Span(op = \"http.server\")",
        "  void serve(@SpanAttribute(\"client.address\") String address,",
        "      @SpanAttribute(\"http.request.header.cookie\") String[] cookie) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            Message.PERSONAL_DATA.format("@SpanAttribute", "client.address"))
        .inFile(source).onLineContaining("client.address");
    assertThat(compilation).hadWarningContaining(
            Message.PERSONAL_DATA.format("@SpanAttribute", "http.request.header.cookie"))
        .inFile(source).onLineContaining("http.request.header.cookie");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void seedsGenAiRequestOpWarnsSuggestingGenAiChat() {
    JavaFileObject source = shop(
        "  @Span(op = \"gen_ai.request\")",
        "  void chat() {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadWarningContaining(Message.OP_UNKNOWN_IN_CATEGORY.format("gen_ai",
            "gen_ai.request", "'gen_ai.chat', 'gen_ai.create_agent',"
                + " 'gen_ai.decide', 'gen_ai.embeddings', 'gen_ai.evaluate', 'gen_ai.execute_tool',"
                + " 'gen_ai.extract', 'gen_ai.generate_content', …"))
        .inFile(source).onLineContaining("gen_ai.request");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void opOneTypoFromAKnownOpSaysDidYouMean() {
    JavaFileObject source = shop(
        "  @Span(op = \"queue.publsh\")",
        "  void publish() {}",
        "  @Span(op = \"commerce.payment\")",
        "  void ownCategory() {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadWarningContaining(Message.OP_NEAR_MISS.format("queue",
            "queue.publsh", "'queue.publish'"))
        .inFile(source).onLineContaining("queue.publsh");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void strictModeWarnsOnUnknownNamesInBigNamespacesOnly() {
    JavaFileObject source = shop(
        "  @Span(op = \"http.client\")",
        "  void get(@SpanAttribute(\"http.retry_budget\") int budget,",
        "      @SpanAttribute(value = \"http.cache_hit\", custom = true) boolean hit,",
        "      @SpanAttribute(\"error.message\") String message,",
        "      @SpanAttribute(\"cart.item_count\") int items) {}");

    Compilation compilation = javac("-A" + Options.STRICT + "=true").compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(Message.UNKNOWN_IN_CONVENTION_NAMESPACE.format(
            "@SpanAttribute", "http", "http.retry_budget", Message.Hint.CUSTOM_ANNOTATION))
        .inFile(source).onLineContaining("http.retry_budget");
    assertThat(compilation).hadWarningContaining(Message.DEPRECATED_WITHOUT_REPLACEMENT.format(
            "@SpanAttribute", "OpenTelemetry", "error.message"))
        .inFile(source).onLineContaining("error.message");
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void withoutStrictModeUnknownAndReplacementlessNamesAreSilent() {
    JavaFileObject source = shop(
        "  @Span(op = \"http.client\")",
        "  void get(@SpanAttribute(\"http.retry_budget\") int budget,",
        "      @SpanAttribute(\"gen_ai.tool.type\") String toolType,",
        "      @SpanAttribute(\"error.message\") String message) {}");

    assertThat(javac().compile(source)).succeededWithoutWarnings();
  }
}
