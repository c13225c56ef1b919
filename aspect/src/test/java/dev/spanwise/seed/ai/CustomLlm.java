package dev.spanwise.seed.ai;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.GenAi;
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
  @ResultAttribute(value = GenAi.RESPONSE_ID, path = "id")
  @ResultAttribute(value = GenAi.RESPONSE_MODEL, path = "model")
  @ResultAttribute(value = GenAi.USAGE_INPUT_TOKENS, path = "usage.promptTokens")
  @ResultAttribute(value = GenAi.USAGE_OUTPUT_TOKENS, path = "usage.completionTokens")
  @ResultAttribute(value = GenAi.USAGE_TOTAL_TOKENS, path = "usage.totalTokens")
  @ResultAttribute(value = GenAi.OUTPUT_MESSAGES, path = "outputMessages")
  public LlmResponse chat(
      @SpanAttribute(GenAi.REQUEST_MODEL) String model,
      @SpanAttribute(GenAi.INPUT_MESSAGES) String messagesJson) {
    // The seed's "summarize" is not what this call does; "chat" is the operation of gen_ai.chat.
    Spans.current()
        .attribute(GenAi.OPERATION_NAME, "chat")
        .attribute(GenAi.PROVIDER_NAME, SupportAgent.PROVIDER)
        .attribute(GenAi.REQUEST_TEMPERATURE, 0.7)
        .attribute(GenAi.REQUEST_MAX_TOKENS, 500);
    return api.apply(model, messagesJson);
  }
}
