package dev.spanwise.demo.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the model answers: its text, the tool calls it asks for, and the tokens it used.
 *
 * @param id the response id, {@code gen_ai.response.id}
 * @param model the model that answered, {@code gen_ai.response.model}
 * @param content the answer text (empty when the model only asks for tools)
 * @param toolCalls the tools the model wants called before it answers
 * @param usage token counts, {@code gen_ai.usage.*}
 */
public record ModelResponse(
    String id, String model, String content, List<ToolCall> toolCalls, Usage usage) {

  /** A tool the model asks for, with its arguments as JSON. */
  public record ToolCall(String id, String name, String arguments) {}

  /** Token counts of one model call. */
  public record Usage(int inputTokens, int outputTokens) {

    /** Returns input plus output tokens. */
    public int totalTokens() {
      return inputTokens + outputTokens;
    }
  }

  /** Returns whether the model asked for any tool. */
  public boolean wantsTools() {
    return !toolCalls.isEmpty();
  }

  /**
   * Returns the answer as {@code gen_ai.output.messages} holds it: the assistant message with its
   * tool calls (the seed's {@code gen_ai.response.text} and {@code gen_ai.response.tool_calls},
   * both replaced by this attribute).
   */
  public String outputMessages() {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("role", "assistant");
    message.put("content", content);
    if (wantsTools()) {
      message.put("tool_calls", toolCalls);
    }
    return JsonMapper.shared().writeValueAsString(List.of(message));
  }
}
