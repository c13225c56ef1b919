package dev.spanwise.demo.agent;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
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
  @ResultAttribute(value = "gen_ai.response.id", path = "id")
  @ResultAttribute(value = "gen_ai.response.model", path = "model")
  @ResultAttribute(value = "gen_ai.usage.input_tokens", path = "usage.inputTokens")
  @ResultAttribute(value = "gen_ai.usage.output_tokens", path = "usage.outputTokens")
  @ResultAttribute(value = "gen_ai.usage.total_tokens", path = "usage.totalTokens")
  @ResultAttribute(value = "gen_ai.output.messages", path = "outputMessages")
  public ModelResponse chat(@SpanAttribute(value = "gen_ai.input.messages", path = "json") Prompt prompt) {
    // The seed says "summarize", which is not what this call does; "chat" is gen_ai.chat's operation.
    Spans.current()
        .attribute("gen_ai.operation.name", "chat")
        .attribute("gen_ai.provider.name", PROVIDER)
        .attribute("gen_ai.request.model", CustomModel.NAME)
        .attribute("gen_ai.request.temperature", 0.7)
        .attribute("gen_ai.request.max_tokens", 500);
    return model.complete(prompt);
  }
}
