package dev.spanwise.seed;

import static dev.spanwise.seed.SeedTraces.inServerTransaction;
import static dev.spanwise.testing.CapturedSpans.childrenOf;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.seed.ai.ChatMessage;
import dev.spanwise.seed.ai.ChatResponse;
import dev.spanwise.seed.ai.CustomLlm;
import dev.spanwise.seed.ai.KnowledgeBaseTools;
import dev.spanwise.seed.ai.LlmResponse;
import dev.spanwise.seed.ai.LlmResponse.Usage;
import dev.spanwise.seed.ai.SupportAgent;
import dev.spanwise.seed.ai.ToolCall;
import dev.spanwise.testing.SentryCapture;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's custom LLM agent with a tool call, following Sentry's AI agents conventions. */
class AiAgentFlowTest {

  private static final ToolCall SEARCH =
      new ToolCall("call_1", "search_knowledge_base", "{\"query\":\"return policy\"}");
  private static final LlmResponse WANTS_TOOL =
      new LlmResponse("chatcmpl_1", "custom-model-v2", null, List.of(SEARCH), new Usage(120, 30, 150));
  private static final LlmResponse ANSWERS =
      new LlmResponse("chatcmpl_2", "custom-model-v2", "Hello!", List.of(), new Usage(40, 8, 48));

  private SentryCapture sentry;
  private LlmResponse next = WANTS_TOOL;
  private RuntimeException llmFailure;
  private SupportAgent agent;

  @BeforeEach
  void start() {
    sentry = SentryCapture.start();
    CustomLlm llm =
        new CustomLlm(
            (model, messages) -> {
              if (llmFailure != null) {
                throw llmFailure;
              }
              return next;
            });
    agent = new SupportAgent(llm, new KnowledgeBaseTools());
  }

  @AfterEach
  void close() {
    sentry.close();
  }

  @Test
  void agentSpanHasAChatChildAndAToolChildWithTheConventionsAttributes() {
    ChatResponse response = chat("How do I return an item?", List.of());

    assertThat(response.resolutionStatus()).isEqualTo("resolved");
    SentryTransaction transaction = sentry.onlyTransaction();
    SentrySpan agentSpan = onlyWithOp(transaction, "gen_ai.invoke_agent");
    assertThat(agentSpan.getDescription()).isEqualTo("invoke_agent Customer Support Agent");
    assertThat(agentSpan.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(agentSpan))
        .containsEntry("gen_ai.operation.name", "invoke_agent")
        .containsEntry("gen_ai.agent.name", "Customer Support Agent")
        .containsEntry("gen_ai.provider.name", "custom-llm")
        .containsEntry("gen_ai.request.model", "custom-model-v2")
        .containsEntry("conversation.session_id", "session_1700000000000")
        .containsEntry("gen_ai.response.id", "chatcmpl_1")
        // 150 from the LLM call, 150 from the synthesis, as the seed adds them up
        .containsEntry("gen_ai.usage.total_tokens", 300)
        .containsEntry("conversation.tools_used", "[\"search_knowledge_base\"]")
        .containsEntry("conversation.resolution_status", "resolved")
        .containsEntry(
            "gen_ai.output.messages",
            "[{\"role\":\"assistant\",\"content\":"
                + "\"Based on the information I found, here's your answer...\"}]")
        .doesNotContainKeys("gen_ai.system", "gen_ai.response.text",
            "gen_ai.request.available_tools");
    assertThat((String) data(agentSpan).get("gen_ai.tool.definitions"))
        .contains("\"name\":\"search_knowledge_base\"");

    assertThat(childrenOf(transaction, agentSpan.getSpanId().toString()))
        .extracting(SentrySpan::getOp)
        .containsExactly("gen_ai.chat", "gen_ai.execute_tool");
  }

  @Test
  void chatSpanTakesTokenCountsFromTheReturnedResponse() {
    chat("How do I return an item?", List.of(new ChatMessage("user", "hi")));

    SentrySpan chatSpan = onlyWithOp(sentry.onlyTransaction(), "gen_ai.chat");
    assertThat(chatSpan.getDescription()).isEqualTo("chat custom-model-v2");
    Map<String, Object> data = data(chatSpan);
    assertThat(data)
        .containsEntry("gen_ai.operation.name", "chat")
        .containsEntry("gen_ai.provider.name", "custom-llm")
        .containsEntry("gen_ai.request.model", "custom-model-v2")
        .containsEntry("gen_ai.request.temperature", 0.7)
        .containsEntry("gen_ai.request.max_tokens", 500)
        .containsEntry("gen_ai.response.id", "chatcmpl_1")
        .containsEntry("gen_ai.response.model", "custom-model-v2")
        .containsEntry("gen_ai.usage.input_tokens", 120)
        .containsEntry("gen_ai.usage.output_tokens", 30)
        .containsEntry("gen_ai.usage.total_tokens", 150)
        .containsEntry(
            "gen_ai.input.messages",
            "[{\"role\":\"system\",\"content\":\"You are a customer support agent. Use tools when"
                + " needed.\"},{\"role\":\"user\",\"content\":\"hi\"},"
                + "{\"role\":\"user\",\"content\":\"How do I return an item?\"}]");
    assertThat(data.get("gen_ai.usage.input_tokens")).isInstanceOf(Integer.class);
    assertThat(data.get("gen_ai.request.temperature")).isInstanceOf(Double.class);
    assertThat((String) data.get("gen_ai.output.messages"))
        .contains("\"tool_calls\":[{\"id\":\"call_1\",\"name\":\"search_knowledge_base\"");
  }

  @Test
  void toolSpanTakesNameAndArgumentsFromParametersAndResultFromTheReturnValue() {
    chat("How do I return an item?", List.of());

    SentrySpan tool = onlyWithOp(sentry.onlyTransaction(), "gen_ai.execute_tool");
    assertThat(tool.getDescription()).isEqualTo("execute_tool search_knowledge_base");
    assertThat(data(tool))
        .containsEntry("gen_ai.operation.name", "execute_tool")
        .containsEntry("gen_ai.tool.name", "search_knowledge_base")
        .containsEntry("gen_ai.tool.call.arguments", "{\"query\":\"return policy\"}")
        .containsEntry("search.query", "return policy")
        .containsEntry(
            "gen_ai.tool.call.result",
            "Our return policy allows returns within 30 days of purchase.\n"
                + "Refunds are processed within 5-7 business days after we receive the item.\n"
                + "Items must be in original condition with tags attached.\n"
                + "Free return shipping is provided for defective items.")
        .doesNotContainKeys("gen_ai.tool.input", "gen_ai.tool.output");
  }

  @Test
  void aPromptLongerThanTheLimitIsCut() {
    String longTurn = "x".repeat(10_000);

    chat("And now?", List.of(new ChatMessage("assistant", longTurn)));

    String prompt =
        (String) data(onlyWithOp(sentry.onlyTransaction(), "gen_ai.chat"))
            .get("gen_ai.input.messages");
    assertThat(prompt).hasSize(8192).startsWith("[{\"role\":\"system\"").endsWith("x\u2026");
  }

  @Test
  void answerWithoutToolCallsHasNoToolSpan() {
    next = ANSWERS;

    ChatResponse response = chat("Hi", List.of());

    assertThat(response.resolutionStatus()).isEqualTo("answered");
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(withOp(transaction, "gen_ai.execute_tool")).isEmpty();
    assertThat(data(onlyWithOp(transaction, "gen_ai.invoke_agent")))
        .containsEntry("gen_ai.usage.total_tokens", 48)
        .containsEntry("conversation.tools_used", "[]")
        .containsEntry("conversation.resolution_status", "answered");
  }

  @Test
  void failingLlmCallMarksBothSpansFailedAndRecordsTheErrorType() {
    llmFailure = new IllegalStateException("model overloaded");

    ChatResponse response = chat("Hi", List.of());

    assertThat(response.status()).isEqualTo(500);
    SentryTransaction transaction = sentry.onlyTransaction();
    SentrySpan chatSpan = onlyWithOp(transaction, "gen_ai.chat");
    assertThat(chatSpan.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(chatSpan)).doesNotContainKey("gen_ai.usage.total_tokens");
    SentrySpan agentSpan = onlyWithOp(transaction, "gen_ai.invoke_agent");
    assertThat(agentSpan.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(agentSpan))
        .containsEntry("error.type", "IllegalStateException")
        .doesNotContainKeys("gen_ai.response.id", "gen_ai.usage.total_tokens",
            "conversation.resolution_status");
  }

  private ChatResponse chat(String message, List<ChatMessage> history) {
    return inServerTransaction(
        "POST /api/ai/chat", () -> agent.chat("session_1700000000000", message, history));
  }
}
