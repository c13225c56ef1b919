package dev.spanwise.demo.agent;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for the seed's proprietary LLM, so the demo needs no network: it asks
 * for the knowledge-base tool when the question is about returns or refunds, and otherwise answers
 * directly. Token counts are derived from the text, one token per four characters, as a rough
 * tokenizer would.
 */
public final class CustomModel {

  /** The model's name, {@code gen_ai.request.model}. */
  public static final String NAME = "custom-model-v2";

  private static final Pattern NEEDS_KNOWLEDGE_BASE =
      Pattern.compile("\\b(return|returns|returned|refund|refunds|refunded)\\b");

  private int responses;

  /** Reasons about the conversation: asks for tools or answers. */
  public synchronized ModelResponse reason(String prompt, String userMessage) {
    String question = userMessage.toLowerCase(Locale.ROOT);
    List<ModelResponse.ToolCall> tools =
        NEEDS_KNOWLEDGE_BASE.matcher(question).find()
            ? List.of(
                new ModelResponse.ToolCall(
                    KnowledgeBase.TOOL_NAME, "{\"query\":\"" + escape(userMessage) + "\"}"))
            : List.of();
    String content =
        tools.isEmpty() ? "Happy to help! Could you tell me your order number?" : "";
    return new ModelResponse(nextId(), NAME, content, tools, usage(prompt, content));
  }

  /** Turns the tool results into the final answer. */
  public synchronized ModelResponse synthesize(String prompt, List<String> toolResults) {
    String content =
        "Based on our policy: " + String.join(" ", toolResults).replace('\n', ' ');
    return new ModelResponse(nextId(), NAME, content, List.of(), usage(prompt, content));
  }

  private String nextId() {
    return "resp_" + (++responses);
  }

  private static ModelResponse.Usage usage(String prompt, String content) {
    return new ModelResponse.Usage(tokens(prompt), Math.max(1, tokens(content)));
  }

  private static int tokens(String text) {
    return (text.length() + 3) / 4;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
