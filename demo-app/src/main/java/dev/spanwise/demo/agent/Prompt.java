package dev.spanwise.demo.agent;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The messages sent to the model in one call. */
public record Prompt(List<ChatMessage> messages) {

  /** Returns a prompt of a snapshot of {@code messages}. */
  public static Prompt of(List<ChatMessage> messages) {
    return new Prompt(List.copyOf(messages));
  }

  /** Returns the messages as JSON, {@code gen_ai.input.messages}. */
  public String json() {
    return JsonMapper.shared().writeValueAsString(messages);
  }
}
