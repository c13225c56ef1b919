package dev.spanwise.seed.ai;

import java.util.List;

/** What the custom LLM answers: {@code { id, model, choices[0].message, usage }}. */
public record LlmResponse(
    String id, String model, String content, List<ToolCall> toolCalls, Usage usage) {

  /** Token counts as the LLM reports them. */
  public record Usage(int promptTokens, int completionTokens, int totalTokens) {}

  /**
   * The answer as {@code gen_ai.output.messages} holds it: the seed's {@code gen_ai.response.text}
   * and {@code gen_ai.response.tool_calls} are both deprecated in favour of it.
   */
  public String outputMessages() {
    StringBuilder message = new StringBuilder("[{\"role\":\"assistant\",\"content\":");
    message.append(Json.string(content == null ? "" : content));
    if (!toolCalls.isEmpty()) {
      message.append(",\"tool_calls\":[");
      for (int i = 0; i < toolCalls.size(); i++) {
        ToolCall call = toolCalls.get(i);
        message.append(i == 0 ? "" : ",")
            .append("{\"id\":").append(Json.string(call.id()))
            .append(",\"name\":").append(Json.string(call.name()))
            .append(",\"arguments\":").append(Json.string(call.arguments())).append('}');
      }
      message.append(']');
    }
    return message.append("}]").toString();
  }
}
