package dev.spanwise.seed.ai;

/** One message of the conversation: {@code { role, content }}. */
public record ChatMessage(String role, String content) {}
