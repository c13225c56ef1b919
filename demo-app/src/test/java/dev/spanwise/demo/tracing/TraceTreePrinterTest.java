package dev.spanwise.demo.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.SpanContext;
import io.sentry.SpanId;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class TraceTreePrinterTest {

  private static final SentryId TRACE = new SentryId("0123456789abcdef0123456789abcdef");

  @Test
  void joinsTheTransactionsOfATraceAtTheSpansTheyContinueFrom() {
    SpanId clientRoot = new SpanId("aaaaaaaaaaaaaaaa");
    SpanId serverRoot = new SpanId("bbbbbbbbbbbbbbbb");
    SpanId publish = new SpanId("cccccccccccccccc");
    SentryTransaction client =
        transaction("Upload media", "file.upload", clientRoot, null, 0.000, 0.050,
            Map.of("file.size_bytes", 2048, "thread.name", "main"), List.of());
    SentryTransaction server =
        transaction("POST /api/upload", "http.server", serverRoot, clientRoot, 0.010, 0.040,
            Map.of(), List.of(span(publish, serverRoot, "queue.publish", "queue_producer", 0.020, 0.030)));
    SentryTransaction consumer =
        transaction("media_processing_consumer", "function", new SpanId("dddddddddddddddd"), publish,
            0.035, 0.100, Map.of(), List.of());

    // Finished in another order than they started: the printer orders by start.
    String tree =
        TraceTreePrinter.render(List.of(consumer, server, client), Map.of(TRACE.toString(), "upload"));

    assertThat(tree)
        .isEqualTo(
            "── upload  (trace 0123456789abcdef0123456789abcdef)\n"
                + "● file.upload  \"Upload media\"  50.0 ms  ok\n"
                + "    file.size_bytes = 2048\n"
                + "  ● http.server  \"POST /api/upload\"  30.0 ms  ok\n"
                + "    └ queue.publish  \"queue_producer\"  10.0 ms  ok\n"
                + "        messaging.destination.name = \"media-processing\"\n"
                + "      ● function  \"media_processing_consumer\"  65.0 ms  ok\n"
                + "\n");
  }

  @Test
  void cutsLongValuesAndKeepsEachTraceApart() {
    SentryTransaction one =
        transaction("Search", "search", new SpanId("eeeeeeeeeeeeeeee"), null, 0, 0.001,
            Map.of("gen_ai.input.messages", "x".repeat(200)), List.of());

    String tree = TraceTreePrinter.render(List.of(one));

    assertThat(tree).startsWith("── (trace " + TRACE + ")\n");
    assertThat(tree).contains("gen_ai.input.messages = \"" + "x".repeat(78) + "…\n");
  }

  @Test
  void printsTheHttpStatusCodeBesideTheStatusAndNoStatusWhereSentryRecordedNone() {
    SentryTransaction declined =
        transaction("POST /api/checkout", "http.server", new SpanId("ffffffffffffffff"), null, 0, 0.002,
            Map.of("http.response.status_code", 402), List.of());
    declined.getContexts().getTrace().setStatus(null);
    SentryTransaction found =
        transaction("GET /api/search", "http.server", new SpanId("abababababababab"), null, 0.003, 0.004,
            Map.of("http.response.status_code", 200), List.of());

    String tree = TraceTreePrinter.render(List.of(declined, found));

    assertThat(tree)
        .contains("● http.server  \"POST /api/checkout\"  2.0 ms  no status (HTTP 402)\n")
        .contains("● http.server  \"GET /api/search\"  1.0 ms  ok (HTTP 200)\n")
        .doesNotContain("http.response.status_code =");
  }

  @Test
  void escapesQuotesBackslashesAndNewlinesInStrings() {
    SentryTransaction one =
        transaction("Process", "queue.process", new SpanId("cdcdcdcdcdcdcdcd"), null, 0, 0.001,
            Map.of("processing.operations", "[\"optimize\",\"thumbnail\"]", "path", "C:\\tmp\nnext"),
            List.of());

    String tree = TraceTreePrinter.render(List.of(one));

    assertThat(tree)
        .contains("    processing.operations = \"[\\\"optimize\\\",\\\"thumbnail\\\"]\"\n")
        .contains("    path = \"C:\\\\tmp\\nnext\"\n");
  }

  private static SentryTransaction transaction(
      String name, String op, SpanId spanId, SpanId parent, double start, double end,
      Map<String, Object> data, List<SentrySpan> spans) {
    SpanContext context = new SpanContext(TRACE, spanId, op, parent, null);
    context.setStatus(SpanStatus.OK);
    data.forEach(context::setData);
    SentryTransaction transaction = new SentryTransaction(name, start, end, spans, Map.of(), null);
    transaction.getContexts().setTrace(context);
    return transaction;
  }

  private static SentrySpan span(SpanId id, SpanId parent, String op, String name, double start, double end) {
    return new SentrySpan(
        start, end, TRACE, id, parent, op, name, SpanStatus.OK, "manual",
        new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
        new ConcurrentHashMap<>(Map.of("messaging.destination.name", "media-processing")));
  }
}
