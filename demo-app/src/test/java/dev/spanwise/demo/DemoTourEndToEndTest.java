package dev.spanwise.demo;

import static dev.spanwise.testing.CapturedSpans.childrenOf;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.demo.tour.Tour;
import dev.spanwise.demo.tour.TourReport;
import dev.spanwise.demo.tracing.TraceRecorder;
import io.sentry.Sentry;
import io.sentry.SpanContext;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The tour against the running application, over real HTTP on loopback, with the real Sentry SDK
 * and its Spring Boot starter; {@link TraceRecorder} keeps what the SDK would send. Each flow's
 * trace is checked from the client's span across the HTTP hop (and the queue) down to the server's
 * spans: ops, names, parents, statuses, and the seed's attributes with their types.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTourEndToEndTest {

  private static final String SPANWISE_ORIGIN = "auto.function.spanwise";

  @Autowired private Tour tour;
  @Autowired private TraceRecorder recorder;

  private TourReport report;
  private List<SentryTransaction> transactions;

  @BeforeAll
  void runTheTour() {
    recorder.clear();
    report = tour.run();
    assertThat(recorder.awaitTransactions(report.expectedTransactions(), Duration.ofSeconds(15)))
        .as("all %d transactions recorded", report.expectedTransactions())
        .isTrue();
    transactions = recorder.transactions();
  }

  @AfterAll
  void closeSentry() {
    Sentry.close();
  }

  @Test
  void everyStepOfTheTourWentAsScriptedAndEachClientSpanStartedItsOwnTrace() {
    assertThat(report.steps()).allSatisfy(step -> assertThat(step.actual()).isEqualTo(step.expected()));
    assertThat(transactions).hasSize(report.expectedTransactions());
    // One trace per client request (14), labelled for the printer.
    assertThat(report.traceLabels()).hasSize(14);
    // No SENTRY_DSN here: the placeholder DSN keeps everything in memory.
    assertThat(recorder.forwardsToSentry()).isFalse();
  }

  // ---------------------------------------------------------------- checkout

  @Test
  void checkoutPlacesAnOrderInOneTraceFromTheButtonToThePaymentProvider() {
    SentryTransaction client = clientTransaction("ui.action", "Checkout", "cart.value_minor", 6200);
    assertThat(root(client).getStatus()).isEqualTo(SpanStatus.OK);
    Map<String, Object> clicked = rootData(client);
    assertTyped(clicked, Map.of(
        "cart.item_count", 3,
        "cart.value_minor", 6200,
        "cart.currency", "USD",
        "payment.provider.ui_selected", "stripe",
        "payment.provider", "stripe"));
    String orderId = (String) clicked.get("order.id");
    assertThat(orderId).startsWith("ord_");

    SentryTransaction server = serverTransaction(client, "POST /api/checkout");
    assertThat(root(server).getStatus()).isEqualTo(SpanStatus.OK);
    SentrySpan order = childOf(server, root(server), "commerce.order.server", "Order Processing");
    assertThat(order.getStatus()).isEqualTo(SpanStatus.OK);
    assertTyped(data(order), Map.of(
        "order.id", orderId,
        "payment.provider", "stripe",
        "payment.status", "success",
        "inventory.reserved", true));
    SentrySpan payment = onlyWithOp(server, "commerce.payment");
    assertThat(payment.getDescription()).isEqualTo("Charge Payment Provider");
    assertThat(payment.getParentSpanId()).isEqualTo(order.getSpanId());
    assertThat(payment.getOrigin()).isEqualTo(SPANWISE_ORIGIN);
    assertTyped(data(payment), Map.of("payment.provider", "stripe", "payment.status", "success"));
  }

  @Test
  void emptyAndInvalidCartsAre400sWithFailedPaymentStatusAndNoPaymentSpan() {
    for (int itemCount : new int[] {0, 1}) {
      SentryTransaction client = clientTransaction("ui.action", "Checkout", "cart.item_count", itemCount);
      assertThat(root(client).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
      assertThat(rootData(client)).doesNotContainKeys("order.id", "payment.provider");

      SentryTransaction server = serverTransaction(client, "POST /api/checkout");
      assertThat(root(server).getStatus()).isEqualTo(SpanStatus.INVALID_ARGUMENT);
      SentrySpan order = childOf(server, root(server), "commerce.order.server", "Order Processing");
      // The seed leaves a validation 400 with the default status; only the 402 is marked failed.
      assertThat(order.getStatus()).isEqualTo(SpanStatus.OK);
      assertTyped(data(order), Map.of("payment.status", "failed", "inventory.reserved", false));
      assertThat(data(order)).doesNotContainKeys("order.id", "payment.provider");
      assertThat(withOp(server, "commerce.payment")).isEmpty();
    }
  }

  @Test
  void aDeclinedPaymentIsA402ThatFailsTheOrderSpanWithoutAnException() {
    SentryTransaction client = clientTransaction("ui.action", "Checkout", "cart.value_minor", 149_700);
    assertThat(root(client).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(rootData(client)).containsEntry("payment.provider.ui_selected", "paypal");

    SentryTransaction server = serverTransaction(client, "POST /api/checkout");
    // Sentry maps no status to a 402; the demo's ResponseStatusData records the code itself.
    assertThat(root(server).getStatus()).isNull();
    assertThat(rootData(server)).containsEntry("http.response.status_code", 402);
    SentrySpan order = childOf(server, root(server), "commerce.order.server", "Order Processing");
    assertThat(order.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertTyped(data(order), Map.of(
        "payment.provider", "paypal", "payment.status", "failed", "inventory.reserved", true));
    assertThat(data(order)).doesNotContainKey("order.id");
    SentrySpan payment = childOf(server, order, "commerce.payment", "Charge Payment Provider");
    assertThat(payment.getStatus()).isEqualTo(SpanStatus.OK);
    assertTyped(data(payment), Map.of("payment.provider", "paypal", "payment.status", "failed"));
  }

  // ---------------------------------------------------------------- media upload

  @Test
  void anUploadIsPublishedAndProcessedOnAnotherThreadInTheSameTrace() {
    SentryTransaction client = clientTransaction("file.upload", "Upload media", "file.mime_type", "image/jpeg");
    assertThat(root(client).getStatus()).isEqualTo(SpanStatus.OK);
    Map<String, Object> uploaded = rootData(client);
    assertTyped(uploaded, Map.of(
        "file.size_bytes", 3_400_000, "file.mime_type", "image/jpeg", "upload.success", true));
    assertThat(uploaded.get("upload.duration_ms")).isInstanceOf(Integer.class);
    String jobId = (String) uploaded.get("job.id");
    assertThat(jobId).startsWith("job_");

    SentryTransaction server = serverTransaction(client, "POST /api/upload");
    SentrySpan publish = childOf(server, root(server), "queue.publish", "queue_producer");
    assertTyped(data(publish), Map.of(
        "messaging.message.id", jobId,
        "messaging.destination.name", "media-processing",
        "messaging.message.body.size", 3_400_000));

    // Across the queue: a transaction of its own, in the uploader's trace, under the producer span.
    SentryTransaction consumer =
        only(inTrace(client), t -> "media_processing_consumer".equals(t.getTransaction()));
    SpanContext consumerRoot = root(consumer);
    assertThat(consumerRoot.getOperation()).isEqualTo("function");
    assertThat(consumerRoot.getParentSpanId()).isEqualTo(publish.getSpanId());
    assertThat(consumerRoot.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(consumer).get("thread.name")).isEqualTo("media-processing-consumer");
    assertThat(rootData(server).get("thread.name")).isNotEqualTo("media-processing-consumer");

    SentrySpan process = childOf(consumer, consumerRoot, "queue.process", "queue_consumer");
    assertThat(process.getStatus()).isEqualTo(SpanStatus.OK);
    Map<String, Object> processed = data(process);
    assertTyped(processed, Map.ofEntries(
        Map.entry("messaging.message.id", jobId),
        Map.entry("messaging.destination.name", "media-processing"),
        Map.entry("messaging.message.body.size", 3_400_000),
        Map.entry("messaging.message.retry.count", 0),
        Map.entry("media.size_bytes", 3_400_000),
        Map.entry("media.mime_type", "image/jpeg"),
        Map.entry("media.size_bucket", "medium"),
        Map.entry("processing.operations", "[\"optimize\",\"thumbnail\"]"),
        Map.entry("processing.optimization_level", "high"),
        Map.entry("processing.thumbnail_created", true),
        Map.entry("result.size_saved_bytes", 1_020_000),
        Map.entry("result.size_reduction_percent", 30),
        Map.entry("result.status", "success")));
    assertThat(processed.get("messaging.message.receive.latency")).isInstanceOf(Integer.class);
    assertThat((Integer) processed.get("processing.duration_ms")).isGreaterThanOrEqualTo(60);
  }

  @Test
  void rejectedUploadsAre400sThatPublishNothing() {
    for (String type : new String[] {"", "video/quicktime"}) {
      SentryTransaction client = clientTransaction("file.upload", "Upload media", "file.mime_type", type);
      assertThat(root(client).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
      assertThat(rootData(client)).containsEntry("upload.success", false)
          .doesNotContainKeys("job.id", "upload.duration_ms");
      assertThat((String) rootData(client).get("upload.error"))
          .isIn("Upload failed: Missing required fields", "Upload failed: File too large (max 50MB)");
      SentryTransaction server = serverTransaction(client, "POST /api/upload");
      assertThat(root(server).getStatus()).isEqualTo(SpanStatus.INVALID_ARGUMENT);
      assertThat(server.getSpans()).isEmpty();
      assertThat(inTrace(client)).hasSize(2);
    }
  }

  // ---------------------------------------------------------------- search

  @Test
  void aShortQueryIsAFastPrefixSearch() {
    SentryTransaction client =
        clientTransaction("function", "Search autocomplete request", "query.length", 2);
    Map<String, Object> request = rootData(client);
    assertTyped(request, Map.of("ui.debounce_ms", 150, "results.has_results", true, "results.count", 10));
    assertThat(request.get("http.response.size")).isInstanceOf(Integer.class);

    SentryTransaction server = serverTransaction(client, "GET /api/search");
    SentrySpan search = childOf(server, root(server), "search", "Search");
    assertTyped(data(search), Map.of(
        "search.engine", "nullflix-title-index",
        "search.mode", "prefix",
        "results.count", 10,
        "query.length", 2));
    assertThat(data(search)).doesNotContainKeys("performance.slow", "search.duration_ms");
  }

  @Test
  void aLongerQueryWithATypoIsASlowFuzzySearch() {
    SentryTransaction client =
        clientTransaction("function", "Search autocomplete request", "query.length", 5);
    SentrySpan search = childOf(
        serverTransaction(client, "GET /api/search"),
        root(serverTransaction(client, "GET /api/search")),
        "search",
        "Search");
    assertTyped(data(search), Map.of(
        "search.mode", "fuzzy", "query.length", 5, "performance.slow", true));
    assertThat((Integer) data(search).get("results.count")).isPositive();
    assertThat((Integer) data(search).get("search.duration_ms")).isGreaterThan(500);
  }

  @Test
  void theEmptyQueryAnswersNoResultsWithoutAMode() {
    SentryTransaction client =
        clientTransaction("function", "Search autocomplete request", "query.length", 0);
    assertTyped(rootData(client), Map.of("results.count", 0, "results.has_results", false));
    SentryTransaction server = serverTransaction(client, "GET /api/search");
    SentrySpan search = childOf(server, root(server), "search", "Search");
    assertTyped(data(search), Map.of("results.count", 0, "search.engine", "nullflix-title-index"));
    assertThat(data(search)).doesNotContainKey("search.mode");
  }

  @Test
  void aRequestSupersededByANewerKeystrokeIsAbortedOnTheClient() {
    SentryTransaction aborted =
        clientTransaction("function", "Search autocomplete request", "query.length", 3);
    assertThat(root(aborted).getStatus()).isEqualTo(SpanStatus.CANCELLED);
    assertTyped(rootData(aborted), Map.of("ui.aborted", true, "ui.debounce_ms", 150));
    assertThat(rootData(aborted))
        .doesNotContainKeys("results.count", "results.has_results", "http.response.size");
    // It had reached the server, which answered to nobody.
    SentryTransaction server = serverTransaction(aborted, "GET /api/search");
    assertThat(data(childOf(server, root(server), "search", "Search")))
        .containsEntry("search.mode", "fuzzy");

    SentryTransaction latest =
        clientTransaction("function", "Search autocomplete request", "query.length", 6);
    assertThat(root(latest).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(latest)).containsEntry("results.has_results", true).doesNotContainKey("ui.aborted");
    assertThat(latest.getStartTimestamp()).isGreaterThan(aborted.getStartTimestamp());
  }

  // ---------------------------------------------------------------- AI agent

  @Test
  void aQuestionAboutRefundsCallsTheKnowledgeBaseTool() {
    SentryTransaction client = clientTransaction(
        "gen_ai.invoke_agent", "invoke_agent Customer Support Agent",
        "conversation.resolution_status", "resolved");
    Map<String, Object> chat = rootData(client);
    assertTyped(chat, Map.ofEntries(
        Map.entry("gen_ai.operation.name", "invoke_agent"),
        Map.entry("gen_ai.agent.name", "Customer Support Agent"),
        Map.entry("gen_ai.provider.name", "custom-llm"),
        Map.entry("gen_ai.request.model", "custom-model-v2"),
        Map.entry("gen_ai.response.model", "custom-model-v2"),
        Map.entry("conversation.turn", 3),
        // A count on the client, a JSON list on the server: as in the seed.
        Map.entry("conversation.tools_used", 1)));
    assertThat((String) chat.get("gen_ai.input.messages"))
        .startsWith("[{\"role\":\"system\",\"content\":\"You are a helpful customer support agent.\"}")
        .endsWith("{\"role\":\"user\",\"content\":\"How do I return my espresso machine for a refund?\"}]");
    assertThat((String) chat.get("conversation.session_id")).startsWith("session_");
    assertThat(chat).doesNotContainKeys("gen_ai.system", "gen_ai.request.messages", "gen_ai.response.text");

    SentryTransaction server = serverTransaction(client, "POST /api/ai/chat");
    SentrySpan agent = childOf(server, root(server), "gen_ai.invoke_agent", "invoke_agent Customer Support Agent");
    Map<String, Object> invoked = data(agent);
    assertTyped(invoked, Map.of(
        "gen_ai.operation.name", "invoke_agent",
        "gen_ai.agent.name", "Customer Support Agent",
        "gen_ai.provider.name", "custom-llm",
        "gen_ai.request.model", "custom-model-v2",
        "conversation.session_id", chat.get("conversation.session_id"),
        "conversation.tools_used", "[\"search_knowledge_base\"]",
        "conversation.resolution_status", "resolved",
        "gen_ai.response.id", chat.get("gen_ai.response.id"),
        "gen_ai.usage.total_tokens", chat.get("gen_ai.usage.total_tokens")));
    assertThat((String) invoked.get("gen_ai.tool.definitions")).contains("\"name\":\"search_knowledge_base\"");
    assertThat((String) invoked.get("gen_ai.output.messages")).contains("Based on our policy");
    assertThat(invoked).doesNotContainKeys("gen_ai.system", "gen_ai.request.available_tools");

    List<SentrySpan> steps = childrenOf(server, agent.getSpanId().toString());
    assertThat(steps).extracting(SentrySpan::getOp)
        .containsExactly("gen_ai.chat", "gen_ai.execute_tool", "gen_ai.chat");
    SentrySpan reasoning = steps.get(0);
    assertThat(reasoning.getDescription()).isEqualTo("chat custom-model-v2");
    Map<String, Object> first = data(reasoning);
    assertTyped(first, Map.of(
        "gen_ai.operation.name", "chat",
        "gen_ai.provider.name", "custom-llm",
        "gen_ai.request.model", "custom-model-v2",
        "gen_ai.response.model", "custom-model-v2",
        "gen_ai.request.temperature", 0.7,
        "gen_ai.request.max_tokens", 500));
    assertThat((String) first.get("gen_ai.input.messages"))
        .startsWith("[{\"role\":\"system\",\"content\":\"You are a customer support agent. Use tools when needed.\"}");
    assertThat((String) first.get("gen_ai.output.messages")).contains("\"tool_calls\":[{\"id\":\"call_");
    assertThat(first.get("gen_ai.usage.input_tokens")).isInstanceOf(Integer.class);
    assertThat((Integer) first.get("gen_ai.usage.total_tokens"))
        .isEqualTo((Integer) first.get("gen_ai.usage.input_tokens") + (Integer) first.get("gen_ai.usage.output_tokens"));
    Map<String, Object> second = data(steps.get(2));
    assertThat((Integer) invoked.get("gen_ai.usage.total_tokens"))
        .isEqualTo((Integer) first.get("gen_ai.usage.total_tokens") + (Integer) second.get("gen_ai.usage.total_tokens"));

    SentrySpan tool = steps.get(1);
    assertThat(tool.getDescription()).isEqualTo("execute_tool search_knowledge_base");
    assertThat(tool.getOrigin()).isEqualTo(SPANWISE_ORIGIN);
    assertTyped(data(tool), Map.of(
        "gen_ai.operation.name", "execute_tool",
        "gen_ai.tool.name", "search_knowledge_base",
        "gen_ai.tool.call.arguments", "{\"query\":\"How do I return my espresso machine for a refund?\"}",
        "search.query", "How do I return my espresso machine for a refund?"));
    assertThat((String) data(tool).get("gen_ai.tool.call.result")).contains("within 30 days");
    assertThat(data(tool)).doesNotContainKeys("gen_ai.tool.input", "gen_ai.tool.output");
  }

  @Test
  void aGreetingIsAnsweredWithoutTools() {
    SentryTransaction client = clientTransaction(
        "gen_ai.invoke_agent", "invoke_agent Customer Support Agent",
        "conversation.resolution_status", "answered");
    assertTyped(rootData(client), Map.of("conversation.turn", 1, "conversation.tools_used", 0));
    SentryTransaction server = serverTransaction(client, "POST /api/ai/chat");
    SentrySpan agent = onlyWithOp(server, "gen_ai.invoke_agent");
    assertThat(data(agent)).containsEntry("conversation.tools_used", "[]");
    assertThat(childrenOf(server, agent.getSpanId().toString()))
        .extracting(SentrySpan::getOp)
        .containsExactly("gen_ai.chat");
  }

  // ---------------------------------------------------------------- helpers

  /** The one client transaction (a trace root) with this op, name and attribute value. */
  private SentryTransaction clientTransaction(String op, String name, String key, Object value) {
    return only(
        transactions,
        t -> root(t).getParentSpanId() == null
            && op.equals(root(t).getOperation())
            && name.equals(t.getTransaction())
            && value.equals(rootData(t).get(key)));
  }

  /** The server's transaction for the client's request: same trace, the client span its parent. */
  private SentryTransaction serverTransaction(SentryTransaction client, String name) {
    SentryTransaction server = only(inTrace(client), t -> "http.server".equals(root(t).getOperation()));
    assertThat(server.getTransaction()).isEqualTo(name);
    assertThat(root(server).getParentSpanId()).isEqualTo(root(client).getSpanId());
    return server;
  }

  private List<SentryTransaction> inTrace(SentryTransaction any) {
    List<SentryTransaction> trace = new ArrayList<>();
    for (SentryTransaction t : transactions) {
      if (root(t).getTraceId().equals(root(any).getTraceId())) {
        trace.add(t);
      }
    }
    return trace;
  }

  private static SentrySpan childOf(SentryTransaction transaction, SpanContext parent, String op, String name) {
    return childOf(transaction, parent.getSpanId().toString(), op, name);
  }

  private static SentrySpan childOf(SentryTransaction transaction, SentrySpan parent, String op, String name) {
    return childOf(transaction, parent.getSpanId().toString(), op, name);
  }

  private static SentrySpan childOf(SentryTransaction transaction, String parentId, String op, String name) {
    SentrySpan span = onlyWithOp(transaction, op);
    assertThat(span.getDescription()).isEqualTo(name);
    assertThat(span.getParentSpanId()).hasToString(parentId);
    assertThat(span.getTraceId()).isEqualTo(root(transaction).getTraceId());
    assertThat(span.getOrigin()).isEqualTo(SPANWISE_ORIGIN);
    return span;
  }

  private static SentryTransaction only(List<SentryTransaction> candidates, Predicate<SentryTransaction> condition) {
    List<SentryTransaction> found = candidates.stream().filter(condition).toList();
    assertThat(found).as("matching transactions").hasSize(1);
    return found.get(0);
  }

  /** Each expected value, with the type Sentry received it as (a JSON integer is an Integer). */
  private static void assertTyped(Map<String, Object> data, Map<String, Object> expected) {
    expected.forEach(
        (key, value) -> {
          assertThat(data).as(key).containsKey(key);
          assertThat(data.get(key)).as(key).isEqualTo(value).isInstanceOf(value.getClass());
        });
  }
}
