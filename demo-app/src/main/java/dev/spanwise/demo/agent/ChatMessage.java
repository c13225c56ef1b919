package dev.spanwise.demo.agent;

/** One message of a conversation: {@code { role, content }}, role {@code system}, {@code user}, {@code assistant} or {@code tool}. */
public record ChatMessage(String role, String content) {}
