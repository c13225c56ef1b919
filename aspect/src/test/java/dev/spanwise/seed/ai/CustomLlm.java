package dev.spanwise.seed.ai;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.function.BiFunction;

/**
 * The seed's "chat custom-model-v2" span around {@code callCustomLLM}. Token counts come from the
 * returned response through paths, the prompt from a parameter.
 */
public class CustomLlm {

  private final BiFunction<String, String, LlmResponse> api;

  /** {@code api} stands for the proprietary LLM's HTTP API: (model, messages JSON) to answer. */
  public CustomLlm(BiFunction<String, String, LlmResponse> api) {
    this.api = api;
  }

  // Seed: op "gen_ai.request", which Sentry's ops do not know; "gen_ai.chat" is the current op.
  // Seed names replaced by current ones: gen_ai.system -> gen_ai.provider.name,
  // gen_ai.request.messages -> gen_ai.input.messages, gen_ai.response.text and
  // gen_ai.response.tool_calls -> gen_ai.output.messages.
  @Span(op = "gen_ai.chat", name = "chat custom-model-v2")
  @ResultAttribute(value = "gen_ai.response.id", path = "id")
  @ResultAttribute(value = "gen_ai.response.model", path = "model")
  @ResultAttribute(value = "gen_ai.usage.input_tokens", path = "usage.promptTokens")
  @ResultAttribute(value = "gen_ai.usage.output_tokens", path = "usage.completionTokens")
  @ResultAttribute(value = "gen_ai.usage.total_tokens", path = "usage.totalTokens")
  @ResultAttribute(value = "gen_ai.output.messages", path = "outputMessages")
  public LlmResponse chat(
      @SpanAttribute("gen_ai.request.model") String model,
      @SpanAttribute("gen_ai.input.messages") String messagesJson) {
    // The seed's "summarize" is not what this call does; "chat" is the operation of gen_ai.chat.
    Spans.current()
        .attribute("gen_ai.operation.name", "chat")
        .attribute("gen_ai.provider.name", SupportAgent.PROVIDER)
        .attribute("gen_ai.request.temperature", 0.7)
        .attribute("gen_ai.request.max_tokens", 500);
    return api.apply(model, messagesJson);
  }
}
