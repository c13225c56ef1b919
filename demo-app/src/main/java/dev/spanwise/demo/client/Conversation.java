package dev.spanwise.demo.client;

import dev.spanwise.demo.agent.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/** The chat window's state: the session and the messages exchanged so far. */
public final class Conversation {

  private final String sessionId;
  private final List<ChatMessage> history = new ArrayList<>();

  public Conversation(String sessionId) {
    this.sessionId = sessionId;
  }

  /** Returns the session id, {@code conversation.session_id}. */
  public String sessionId() {
    return sessionId;
  }

  /** Returns the messages so far, oldest first. */
  public synchronized List<ChatMessage> history() {
    return List.copyOf(history);
  }

  /** Returns the seed's {@code conversationHistory.length + 1}, {@code conversation.turn}. */
  public synchronized int turn() {
    return history.size() + 1;
  }

  synchronized void append(String userMessage, String answer) {
    history.add(new ChatMessage("user", userMessage));
    history.add(new ChatMessage("assistant", answer));
  }
}
