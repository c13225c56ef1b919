package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each error: its message, the file and line it points at, and that it is the only one. */
class SpanwiseProcessorErrorsTest {

  private static final String CUSTOM_HINT = "set custom = true if the name is deliberate";

  /** A class {@code shop.Shop} with the given members, and the records paths are tried on. */
  static JavaFileObject shop(String... members) {
    String[] lines = new String[members.length + 12];
    lines[0] = "package shop;";
    lines[1] = "import dev.spanwise.annotations.*;";
    lines[2] = "import java.util.*;";
    lines[3] = "class Shop {";
    lines[4] = "  record Customer(String tier) {}";
    lines[5] = "  record Cart(List<String> items, Customer customer) {}";
    lines[6] = "  record Order(String orderId, int lines) {}";
    lines[7] = "  static final class Opaque {}";
    lines[8] = "  static final class Wide { public int a; public int b; public int c; public int d; public int e;"
        + " public int f; public int g; public int h; public int i; }";
    System.arraycopy(members, 0, lines, 9, members.length);
    lines[members.length + 9] = "";
    lines[members.length + 10] = "";
    lines[members.length + 11] = "}";
    return JavaFileObjects.forSourceLines("shop.Shop", lines);
  }

  @Test
  void nameWithSpaceAndCapitalsSaysWhatIsWrong() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.payment\")",
        "  void pay(@SpanAttribute(\"Payment Provider\") String provider) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.NAME_SYNTAX.format("@SpanAttribute", "Payment Provider", "has a space and capitals"))
        .inFile(source).onLineContaining("\"Payment Provider\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nameWithEmptySegmentIsAnError() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.payment\")",
        "  void pay(@SpanAttribute(\"payment..provider\") String provider) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.NAME_SYNTAX.format("@SpanAttribute", "payment..provider", "has an empty segment"))
        .inFile(source).onLineContaining("payment..provider");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void knownIntegerAttributeFromAStringIsAnError() {
    JavaFileObject source = shop(
        "  @Span(op = \"gen_ai.chat\")",
        "  void chat(@SpanAttribute(\"gen_ai.usage.input_tokens\") String tokens,",
        "      @SpanAttribute(\"gen_ai.usage.output_tokens\") long fine) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format("@SpanAttribute",
            "gen_ai.usage.input_tokens", "an integer", "Sentry", "String", "int, long, Integer or Long"))
        .inFile(source).onLineContaining("String tokens");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void knownAttributeTypeIsCheckedAtTheEndOfThePath() {
    JavaFileObject source = shop(
        "  @Span(op = \"http.client\")",
        "  void get(@SpanAttribute(value = \"http.response.size\", path = \"customer.tier\") Cart cart) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format("@SpanAttribute",
            "http.response.size", "an integer", "Sentry", "String", "int, long, Integer or Long"))
        .inFile(source).onLineContaining("http.response.size");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void oneTypoFromAKnownNameSuggestsIt() {
    JavaFileObject source = shop(
        "  @Span(op = \"gen_ai.chat\")",
        "  void chat(@SpanAttribute(\"gen_ai.usage.total_token\") long tokens,",
        "      @SpanAttribute(\"http.response_size\") long size) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.NEAR_MISS.format("@SpanAttribute",
            "gen_ai.usage.total_token", "gen_ai.usage.total_tokens", CUSTOM_HINT))
        .inFile(source).onLineContaining("gen_ai.usage.total_token\"");
    assertThat(compilation).hadErrorContaining(Message.NEAR_MISS.format("@SpanAttribute",
            "http.response_size", "http.response.size", CUSTOM_HINT))
        .inFile(source).onLineContaining("http.response_size");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void customSaysANearMissIsDeliberate() {
    JavaFileObject source = shop(
        "  @Span(op = \"http.client\")",
        "  void get(@SpanAttribute(value = \"http.response_size\", custom = true) long size) {}");

    assertThat(javac().compile(source)).succeededWithoutWarnings();
  }

  @Test
  void unknownNameUnderSentryIsAnError() {
    JavaFileObject source = shop(
        "  @Span(op = \"function\")",
        "  void run(@SpanAttribute(value = \"sentry.my_flag\", custom = true) boolean flag,",
        "      @SpanAttribute(\"sentry.orign\") String origin) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.SENTRY_NAMESPACE.format("@SpanAttribute",
            "sentry.my_flag", "use a name in your own namespace"))
        .inFile(source).onLineContaining("sentry.my_flag");
    assertThat(compilation).hadErrorContaining(Message.SENTRY_NAMESPACE.format("@SpanAttribute",
            "sentry.orign", "did you mean 'sentry.origin'?"))
        .inFile(source).onLineContaining("sentry.orign");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void unknownNameInAReservedNamespaceIsAnErrorUnlessCustom() {
    JavaFileObject source = shop(
        "  @Span(op = \"billing.invoice\")",
        "  void bill(@SpanAttribute(\"acme.invoice_id\") String id,",
        "      @SpanAttribute(value = \"acme.tenant\", custom = true) String tenant,",
        "      @SpanAttribute(\"billing.total\") long total) {}");

    Compilation compilation = javac(
        "-A" + Options.RESERVED_NAMESPACES + "=acme, billing.").compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.RESERVED_NAMESPACE.format("@SpanAttribute", "acme", "acme.invoice_id"))
        .inFile(source).onLineContaining("acme.invoice_id");
    assertThat(compilation).hadErrorContaining(
            Message.RESERVED_NAMESPACE.format("@SpanAttribute", "billing", "billing.total"))
        .inFile(source).onLineContaining("billing.total");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void unsupportedValueTypeSuggestsAPathToItsProperties() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  void place(@SpanAttribute(\"order.summary\") Order order) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_TYPE.format("@SpanAttribute",
            "order.summary", "Shop.Order", "; such as: 'orderId' (String), 'lines' (int)"))
        .inFile(source).onLineContaining("order.summary");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unsupportedTypeWithNothingToReadListsNothing() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  void place(@SpanAttribute(\"order.opaque\") Opaque opaque,",
        "      @SpanAttribute(\"order.nested\") List<List<String>> nested) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_TYPE.format("@SpanAttribute",
            "order.opaque", "Shop.Opaque", "")).inFile(source).onLineContaining("order.opaque");
    assertThat(compilation).hadErrorContaining(Message.UNSUPPORTED_TYPE.format("@SpanAttribute",
            "order.nested", "List<List<String>>", "")).inFile(source).onLineContaining("order.nested");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void pathSegmentThatDoesNotResolveIsNamedWithTheTypeAndWhatIsThere() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  void place(@SpanAttribute(value = \"customer.tier\", path = \"customr.tier\") Cart cart,",
        "      @SpanAttribute(value = \"cart.item_count\", path = \"items.count\") Cart sameCart,",
        "      @SpanAttribute(value = \"wide.z\", path = \"z\") Wide wide) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@SpanAttribute",
            "customer.tier", "customr", "Shop.Cart", "customr.tier", "; it has: 'items', 'customer'"))
        .inFile(source).onLineContaining("customr.tier");
    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@SpanAttribute",
            "cart.item_count", "count", "List<String>", "items.count", ""))
        .inFile(source).onLineContaining("items.count");
    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@SpanAttribute",
            "wide.z", "z", "Shop.Wide", "z", ""))
        .inFile(source).onLineContaining("Wide wide");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void resultAttributePathResolvesOnTheCompletedValue() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  @ResultAttribute(value = \"order.id\", path = \"orderId\")",
        "  @ResultAttribute(value = \"order.total\", path = \"total\")",
        "  java.util.concurrent.CompletableFuture<Order> place() { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@ResultAttribute",
            "order.total", "total", "Shop.Order", "total", "; it has: 'orderId', 'lines'"))
        .inFile(source).onLineContaining("\"total\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nameRecordedTwiceOnOneMethodIsAnErrorOnTheSecond() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  @ResultAttribute(value = \"order.id\", path = \"orderId\")",
        "  Order place(@SpanAttribute(\"order.id\") String id,",
        "      @SpanAttribute(\"order.id\") String again) { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.DUPLICATE_NAME.format("@SpanAttribute",
            "order.id", "parameter 'id'")).inFile(source).onLineContaining("String again");
    assertThat(compilation).hadErrorContaining(Message.DUPLICATE_NAME.format("@ResultAttribute",
            "order.id", "parameter 'id'")).inFile(source).onLineContaining("@ResultAttribute");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void emptyOrMalformedOpIsAnError() {
    JavaFileObject source = shop(
        "  @Span(op = \"\")",
        "  void a() {}",
        "  @Span(op = \"Commerce Payment\")",
        "  void b() {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.OP_EMPTY.format())
        .inFile(source).onLineContaining("op = \"\"");
    assertThat(compilation).hadErrorContaining(Message.OP_SYNTAX.format("Commerce Payment",
            "has a space and capitals")).inFile(source).onLineContaining("Commerce Payment");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void spanAttributeOnAMethodWithoutSpanIsAnError() {
    JavaFileObject source = shop(
        "  void pay(@SpanAttribute(\"payment.provider\") String provider) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.ORPHAN_ATTRIBUTE.format("pay", "payment.provider"))
        .inFile(source).onLineContaining("void pay");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void spanAttributeOnMethodWithOnlyContinueTraceIsStillAnOrphan() {
    JavaFileObject source = shop(
        "  void consume(@ContinueTrace Map<String, String> headers,",
        "      @SpanAttribute(\"messaging.message.id\") String id) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.ORPHAN_CONTINUE_TRACE.format("consume", "headers"))
        .inFile(source).onLineContaining("@ContinueTrace");
    assertThat(compilation).hadErrorContaining(
            Message.ORPHAN_ATTRIBUTE.format("consume", "messaging.message.id"))
        .inFile(source).onLineContaining("messaging.message.id");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void resultAttributeOnMethodWithoutSpanIsAnError() {
    JavaFileObject source = shop(
        "  @ResultAttribute(value = \"order.id\", path = \"orderId\")",
        "  @ResultAttribute(value = \"order.lines\", path = \"lines\")",
        "  Order place() { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.ORPHAN_RESULT_ATTRIBUTE.format("place", "order.id"))
        .inFile(source).onLineContaining("order.id");
    assertThat(compilation).hadErrorContaining(
            Message.ORPHAN_RESULT_ATTRIBUTE.format("place", "order.lines"))
        .inFile(source).onLineContaining("order.lines");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void repeatedSpanAttributeOnOneParameterIsCheckedEachOnItsOwnLine() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  void order(@SpanAttribute(value = \"cart.item_count\", path = \"items.size\")",
        "      @SpanAttribute(value = \"cart.tier\", path = \"customer.level\") Cart cart) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@SpanAttribute",
            "cart.tier", "level", "Shop.Customer", "customer.level", "; it has: 'tier'"))
        .inFile(source).onLineContaining("customer.level");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void repeatedSpanAttributeNamesMustDifferOnOneMethod() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.order\")",
        "  void order(@SpanAttribute(value = \"cart.item_count\", path = \"items.size\")",
        "      @SpanAttribute(value = \"cart.item_count\", path = \"items.size\") Cart cart) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.DUPLICATE_NAME.format("@SpanAttribute",
            "cart.item_count", "parameter 'cart'"))
        .inFile(source).onLineContaining("Cart cart");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void continueTraceCarrierPathMustResolve() {
    JavaFileObject source = shop(
        "  record Job(String id, String trace) {}",
        "  @Span(op = \"queue.process\")",
        "  void consume(@ContinueTrace(sentryTrace = \"traceHeader\") Job job) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_PATH.format("sentryTrace",
            "traceHeader", "traceHeader", "Shop.Job", " (it has 'id', 'trace')"))
        .inFile(source).onLineContaining("traceHeader");
    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_PATH.format("baggage",
            "baggage", "baggage", "Shop.Job", " (it has 'id', 'trace')"))
        .inFile(source).onLineContaining("traceHeader");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void continueTraceCarrierWithHeaderPathsPasses() {
    JavaFileObject source = shop(
        "  record Job(String id, String trace, List<String> baggageHeaders) {}",
        "  @Span(op = \"queue.process\")",
        "  void consume(@ContinueTrace(sentryTrace = \"trace\", baggage = \"baggageHeaders\") Job job,",
        "      @SpanAttribute(value = \"messaging.message.id\", path = \"id\") Job same) {}",
        "  @Span(op = \"queue.process\")",
        "  void onMessage(@ContinueTrace Map<String, byte[]> headers) {}",
        "  @Span(op = \"queue.process\")",
        "  void onParts(@ContinueTrace(ContinueTrace.Part.SENTRY_TRACE) String trace,",
        "      @ContinueTrace(ContinueTrace.Part.BAGGAGE) List<String> baggage) {}");

    assertThat(javac().compile(source)).succeededWithoutWarnings();
  }

  @Test
  void continueTraceHeaderMapMustHoldStrings() {
    JavaFileObject source = shop(
        "  @Span(op = \"queue.process\")",
        "  void onMessage(@ContinueTrace Map<String, Integer> headers) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_TYPE.format("HEADERS",
            "Map<String, String> or Map<String, byte[]>", "headers", "Map<String,Integer>"))
        .inFile(source).onLineContaining("Map<String, Integer>");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void continueTraceBaggageAloneContinuesNothing() {
    JavaFileObject source = shop(
        "  @Span(op = \"queue.process\")",
        "  void onMessage(@ContinueTrace(ContinueTrace.Part.BAGGAGE) String baggage) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_BAGGAGE_ALONE.format("baggage"))
        .inFile(source).onLineContaining("BAGGAGE");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void continueTraceTwoCarriersConflict() {
    JavaFileObject source = shop(
        "  @Span(op = \"queue.process\")",
        "  void onMessage(@ContinueTrace Map<String, String> headers,",
        "      @ContinueTrace(ContinueTrace.Part.SENTRY_TRACE) String trace) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_CARRIERS.format("SENTRY_TRACE",
            "trace", "headers"))
        .inFile(source).onLineContaining("SENTRY_TRACE");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void continueTraceSingleHeaderMustBeAStringAndTakesNoPath() {
    JavaFileObject source = shop(
        "  @Span(op = \"queue.process\")",
        "  void onMessage(",
        "      @ContinueTrace(value = ContinueTrace.Part.SENTRY_TRACE, sentryTrace = \"x\") byte[] trace) {}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_MEMBER_UNUSED.format("SENTRY_TRACE",
            "sentryTrace", "x"))
        .inFile(source).onLineContaining("byte[] trace");
    assertThat(compilation).hadErrorContaining(Message.CONTINUE_TRACE_TYPE.format("SENTRY_TRACE",
            "String", "trace", "byte[]"))
        .inFile(source).onLineContaining("byte[] trace");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void strictUnknownNamesBecomeErrorsWithUnknownAsError() {
    JavaFileObject source = shop(
        "  @Span(op = \"http.client\")",
        "  void get(@SpanAttribute(\"http.retry_budget\") int budget,",
        "      @SpanAttribute(value = \"http.cache_hit\", custom = true) boolean hit,",
        "      @SpanAttribute(\"cart.item_count\") int items) {}");

    Compilation compilation = javac("-A" + Options.STRICT + "=true", "-A" + Options.UNKNOWN_AS_ERROR + "=true")
        .compile(source);

    assertThat(compilation).hadErrorContaining(Message.UNKNOWN_IN_CONVENTION_NAMESPACE.format(
            "@SpanAttribute", "http", "http.retry_budget"))
        .inFile(source).onLineContaining("http.retry_budget");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void aMethodWithAnErrorIsLeftOutOfTheCatalogueAndNoSourceIsGenerated() {
    JavaFileObject source = shop(
        "  @Span(op = \"commerce.payment\")",
        "  void ok(@SpanAttribute(\"payment.provider\") String provider) {}",
        "  @Span(op = \"commerce.payment\")",
        "  void bad(@SpanAttribute(\"payment.provider\") Opaque provider) {}");
    RecordingFiler processor = new RecordingFiler();

    Compilation compilation =
        com.google.testing.compile.Compiler.javac().withProcessors(processor).compile(source);

    assertThat(compilation).hadErrorCount(1);
    org.assertj.core.api.Assertions.assertThat(processor.created)
        .containsExactly(CatalogueWriter.RESOURCE);
    org.assertj.core.api.Assertions.assertThat(processor.catalogue)
        .contains("\"method\": \"ok\"")
        .doesNotContain("\"method\": \"bad\"");
  }
}
