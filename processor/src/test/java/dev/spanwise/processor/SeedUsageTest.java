package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The seed page's examples (Sentry's span-metrics examples, in Java): every attribute and op in it,
 * in their current names and on suitable types, compiles without a single warning; its deprecated
 * LLM names and its {@code gen_ai.request} op warn, naming what replaces them.
 */
class SeedUsageTest {

  static final JavaFileObject SEED = JavaFileObjects.forSourceLines("shop.Seed",
      "package shop;",
      "",
      "import dev.spanwise.annotations.ResultAttribute;",
      "import dev.spanwise.annotations.Span;",
      "import dev.spanwise.annotations.SpanAttribute;",
      "import java.util.List;",
      "",
      "public class Seed {",
      "  public record Cart(List<String> items, long valueMinor, String currency) {}",
      "  public record Order(String orderId, String provider) {}",
      "  public enum SearchMode { PREFIX, FUZZY }",
      "  public record Reply(String message, String responseId, long totalTokens, int toolsUsed,",
      "      String resolutionStatus, String outputMessages) {}",
      "",
      "  @Span(op = \"ui.action\", name = \"Checkout\")",
      "  @ResultAttribute(value = \"order.id\", path = \"orderId\")",
      "  @ResultAttribute(value = \"payment.provider\", path = \"provider\")",
      "  public Order checkout(",
      "      @SpanAttribute(value = \"cart.item_count\", path = \"items.size\") Cart cart,",
      "      @SpanAttribute(value = \"cart.value_minor\", path = \"valueMinor\") Cart sameCart,",
      "      @SpanAttribute(value = \"cart.currency\", path = \"currency\") Cart thirdCart,",
      "      @SpanAttribute(\"payment.provider.ui_selected\") String provider) { return null; }",
      "",
      "  @Span(op = \"commerce.order.server\", name = \"Order Processing\")",
      "  public void order(@SpanAttribute(\"order.id\") String orderId,",
      "      @SpanAttribute(\"payment.provider\") String provider,",
      "      @SpanAttribute(\"payment.status\") String status,",
      "      @SpanAttribute(\"inventory.reserved\") boolean reserved) {}",
      "",
      "  @Span(op = \"commerce.payment\", name = \"Charge Payment Provider\")",
      "  public void charge(@SpanAttribute(\"payment.provider\") String provider,",
      "      @SpanAttribute(\"payment.status\") String status) {}",
      "",
      "  @Span(op = \"file.upload\", name = \"Upload media\")",
      "  public void upload(@SpanAttribute(\"file.size_bytes\") long size,",
      "      @SpanAttribute(\"file.mime_type\") String mimeType,",
      "      @SpanAttribute(\"upload.success\") boolean success,",
      "      @SpanAttribute(\"upload.duration_ms\") long durationMs,",
      "      @SpanAttribute(\"upload.error\") String error,",
      "      @SpanAttribute(\"job.id\") String jobId) {}",
      "",
      "  @Span(op = \"queue.publish\", name = \"queue_producer\")",
      "  public void publish(@SpanAttribute(\"messaging.message.id\") String id,",
      "      @SpanAttribute(\"messaging.destination.name\") String destination,",
      "      @SpanAttribute(\"messaging.message.body.size\") long bodySize) {}",
      "",
      "  @Span(op = \"queue.process\", name = \"queue_consumer\")",
      "  public void process(@SpanAttribute(\"messaging.message.id\") String id,",
      "      @SpanAttribute(\"messaging.destination.name\") String destination,",
      "      @SpanAttribute(\"messaging.message.body.size\") Integer bodySize,",
      "      @SpanAttribute(\"messaging.message.receive.latency\") long latencyMs,",
      "      @SpanAttribute(\"messaging.message.retry.count\") int retries,",
      "      @SpanAttribute(\"media.size_bytes\") long mediaSize,",
      "      @SpanAttribute(\"media.mime_type\") String mediaType,",
      "      @SpanAttribute(\"media.size_bucket\") String bucket,",
      "      @SpanAttribute(\"processing.operations\") List<String> operations,",
      "      @SpanAttribute(\"processing.optimization_level\") String level,",
      "      @SpanAttribute(\"processing.thumbnail_created\") Boolean thumbnail,",
      "      @SpanAttribute(\"processing.duration_ms\") long processingMs,",
      "      @SpanAttribute(\"result.size_saved_bytes\") long saved,",
      "      @SpanAttribute(\"result.size_reduction_percent\") int percent,",
      "      @SpanAttribute(\"result.status\") String resultStatus,",
      "      @SpanAttribute(\"error.message\") String errorMessage) {}",
      "",
      "  @Span(op = \"function\", name = \"Search autocomplete request\")",
      "  public void autocomplete(@SpanAttribute(\"query.length\") int queryLength,",
      "      @SpanAttribute(\"ui.debounce_ms\") int debounceMs,",
      "      @SpanAttribute(\"results.count\") int count,",
      "      @SpanAttribute(\"results.has_results\") boolean hasResults,",
      "      @SpanAttribute(\"http.response.size\") long responseSize,",
      "      @SpanAttribute(\"ui.aborted\") boolean aborted) {}",
      "",
      "  @Span(op = \"search\", name = \"Search\")",
      "  public void search(@SpanAttribute(\"search.engine\") String engine,",
      "      @SpanAttribute(\"search.mode\") SearchMode mode,",
      "      @SpanAttribute(\"results.count\") int count,",
      "      @SpanAttribute(\"query.length\") int queryLength,",
      "      @SpanAttribute(\"performance.slow\") boolean slow,",
      "      @SpanAttribute(\"search.duration_ms\") long durationMs,",
      "      @SpanAttribute(\"request.aborted\") boolean aborted,",
      "      @SpanAttribute(\"error.type\") String errorType) {}",
      "",
      "  @Span(op = \"gen_ai.invoke_agent\", name = \"invoke_agent Customer Support Agent\")",
      "  @ResultAttribute(value = \"gen_ai.output.messages\", path = \"outputMessages\")",
      "  @ResultAttribute(value = \"gen_ai.response.id\", path = \"responseId\")",
      "  @ResultAttribute(value = \"gen_ai.usage.total_tokens\", path = \"totalTokens\")",
      "  @ResultAttribute(value = \"conversation.tools_used\", path = \"toolsUsed\")",
      "  @ResultAttribute(value = \"conversation.resolution_status\", path = \"resolutionStatus\")",
      "  public Reply invokeAgent(@SpanAttribute(\"gen_ai.operation.name\") String operation,",
      "      @SpanAttribute(\"gen_ai.agent.name\") String agent,",
      "      @SpanAttribute(\"gen_ai.provider.name\") String provider,",
      "      @SpanAttribute(\"gen_ai.request.model\") String model,",
      "      @SpanAttribute(\"gen_ai.response.model\") String responseModel,",
      "      @SpanAttribute(\"gen_ai.input.messages\") String messages,",
      "      @SpanAttribute(\"gen_ai.tool.definitions\") String tools,",
      "      @SpanAttribute(\"sentry.origin\") String origin,",
      "      @SpanAttribute(\"conversation.turn\") int turn,",
      "      @SpanAttribute(\"conversation.session_id\") String sessionId,",
      "      @SpanAttribute(\"conversation.cost_estimate_usd\") double costUsd) { return null; }",
      "",
      "  @Span(op = \"gen_ai.chat\", name = \"chat custom-model-v2\")",
      "  public void chat(@SpanAttribute(\"gen_ai.request.temperature\") double temperature,",
      "      @SpanAttribute(\"gen_ai.request.max_tokens\") int maxTokens,",
      "      @SpanAttribute(\"gen_ai.usage.input_tokens\") int inputTokens,",
      "      @SpanAttribute(\"gen_ai.usage.output_tokens\") Long outputTokens,",
      "      @SpanAttribute(\"gen_ai.usage.total_tokens\") long totalTokens) {}",
      "",
      "  @Span(op = \"gen_ai.execute_tool\", name = \"execute_tool search_knowledge_base\")",
      "  public void executeTool(@SpanAttribute(\"gen_ai.tool.name\") String tool,",
      "      @SpanAttribute(\"gen_ai.tool.call.arguments\") String arguments,",
      "      @SpanAttribute(\"gen_ai.tool.call.result\") String result,",
      "      @SpanAttribute(\"search.query\") String query) {}",
      "}");

  @Test
  void seedAttributesAndOpsInTheirCurrentNamesCompileWithoutWarnings() {
    Compilation compilation = javac().compile(SEED);

    assertThat(compilation).succeededWithoutWarnings();
    // Annotations only on the class path: checks, but no binder to generate.
    org.assertj.core.api.Assertions.assertThat(compilation.generatedSourceFiles()).isEmpty();
  }

  @Test
  void seedAlsoCompilesWithoutWarningsWhenBindersAreGenerated() {
    Compilation compilation = javac().compile(Compilations.with(Compilations.bindingSpi(), SEED));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("shop.Seed_SpanwiseBindings");
  }
}
