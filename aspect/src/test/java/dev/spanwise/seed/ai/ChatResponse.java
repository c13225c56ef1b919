package dev.spanwise.seed.ai;

import java.util.List;

/** What {@code POST /api/ai/chat} answers; only {@code status} and {@code error} on failure. */
public record ChatResponse(
    int status,
    String message,
    String responseId,
    Integer totalTokens,
    List<String> toolsUsed,
    String resolutionStatus,
    String error) {

  static ChatResponse failed() {
    return new ChatResponse(500, null, null, null, null, null, "AI agent processing failed");
  }

  /** The final answer as {@code gen_ai.output.messages} (the seed: {@code gen_ai.response.text}). */
  public String outputMessages() {
    return message == null
        ? null
        : "[{\"role\":\"assistant\",\"content\":" + Json.string(message) + "}]";
  }

  /** The seed records {@code JSON.stringify(toolsUsed)}, a string; so does this example. */
  public String toolsUsedJson() {
    return toolsUsed == null ? null : Json.strings(toolsUsed);
  }
}
