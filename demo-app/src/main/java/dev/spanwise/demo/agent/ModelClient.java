package dev.spanwise.demo.agent;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.GenAi;
import org.springframework.stereotype.Component;

/** One call of the model: the seed's "chat custom-model-v2" span around {@code callCustomLLM}. */
@Component
public class ModelClient {

  static final String PROVIDER = "custom-llm";

  private final CustomModel model;

  public ModelClient(CustomModel model) {
    this.model = model;
  }

  // Seed: op "gen_ai.request", which Sentry's ops do not know; "gen_ai.chat" is the current op.
  // Seed names replaced by current ones: gen_ai.system -> gen_ai.provider.name,
  // gen_ai.request.messages -> gen_ai.input.messages, gen_ai.response.text and
  // gen_ai.response.tool_calls -> gen_ai.output.messages.
  @Span(op = "gen_ai.chat", name = "chat custom-model-v2")
  @ResultAttribute(value = GenAi.RESPONSE_ID, path = "id")
  @ResultAttribute(value = GenAi.RESPONSE_MODEL, path = "model")
  @ResultAttribute(value = GenAi.USAGE_INPUT_TOKENS, path = "usage.inputTokens")
  @ResultAttribute(value = GenAi.USAGE_OUTPUT_TOKENS, path = "usage.outputTokens")
  @ResultAttribute(value = GenAi.USAGE_TOTAL_TOKENS, path = "usage.totalTokens")
  @ResultAttribute(value = GenAi.OUTPUT_MESSAGES, path = "outputMessages")
  public ModelResponse chat(@SpanAttribute(value = GenAi.INPUT_MESSAGES, path = "json") Prompt prompt) {
    // The seed says "summarize", which is not what this call does; "chat" is gen_ai.chat's operation.
    Spans.current()
        .attribute(GenAi.OPERATION_NAME, "chat")
        .attribute(GenAi.PROVIDER_NAME, PROVIDER)
        .attribute(GenAi.REQUEST_MODEL, CustomModel.NAME)
        .attribute(GenAi.REQUEST_TEMPERATURE, 0.7)
        .attribute(GenAi.REQUEST_MAX_TOKENS, 500);
    return model.complete(prompt);
  }
}
