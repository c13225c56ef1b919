package dev.spanwise.demo.agent;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one agent invocation produced: {@code { message, responseId, totalTokens, toolsUsed,
 * resolutionStatus }}, or only an HTTP status and {@code error} when it failed.
 */
public record ChatResult(
    int status,
    String message,
    String responseId,
    Integer totalTokens,
    List<String> toolsUsed,
    String resolutionStatus,
    String error) {

  static ChatResult failed() {
    return new ChatResult(500, null, null, null, null, null, "AI agent processing failed");
  }

  /** The final answer as {@code gen_ai.output.messages} (the seed: {@code gen_ai.response.text}). */
  public String outputMessages() {
    return message == null
        ? null
        : JsonMapper.shared()
            .writeValueAsString(List.of(new ChatMessage("assistant", message)));
  }

  /** The seed records {@code JSON.stringify(toolsUsed)}, a string; so does the demo. */
  public String toolsUsedJson() {
    return toolsUsed == null ? null : JsonMapper.shared().writeValueAsString(toolsUsed);
  }
}
