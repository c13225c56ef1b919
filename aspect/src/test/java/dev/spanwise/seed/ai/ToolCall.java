package dev.spanwise.seed.ai;

/** A tool call the model asked for: {@code tool_calls[i].function.{name, arguments}}. */
public record ToolCall(String id, String name, String arguments) {}
