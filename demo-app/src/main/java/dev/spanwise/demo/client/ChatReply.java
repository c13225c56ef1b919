package dev.spanwise.demo.client;

import dev.spanwise.demo.agent.ChatMessage;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** What the chat window shows for one message: the agent's answer, or why there is none. */
public record ChatReply(
    int httpStatus,
    String message,
    String responseId,
    Integer totalTokens,
    Integer toolsUsed,
    String resolutionStatus,
    String error) {

  /** The answer as {@code gen_ai.output.messages} holds it (the seed: {@code gen_ai.response.text}). */
  public String outputMessages() {
    return message == null
        ? null
        : JsonMapper.shared().writeValueAsString(List.of(new ChatMessage("assistant", message)));
  }
}
