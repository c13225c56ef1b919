package dev.spanwise.demo.agent;

import java.util.List;

/** The body of {@code POST /api/ai/chat}: {@code { message, sessionId, conversationHistory }}. */
public record ChatRequest(String message, String sessionId, List<ChatMessage> conversationHistory) {}
