package dev.spanwise.demo.agent;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deterministic stand-in for the seed's proprietary LLM, so the demo needs no network. Given the
 * conversation so far it asks for the knowledge-base tool when the user's question is about returns
 * or refunds, answers from the tool's results once they are in, and otherwise answers directly.
 * Token counts are derived from the text, one token per four characters, as a rough tokenizer would.
 */
@Component
public class CustomModel {

  /** The model's name, {@code gen_ai.request.model}. */
  public static final String NAME = "custom-model-v2";

  private static final Pattern NEEDS_KNOWLEDGE_BASE =
      Pattern.compile("\\b(return|returns|returned|refund|refunds|refunded)\\b");

  private final AtomicInteger responses = new AtomicInteger();

  /** Returns the model's next message for {@code prompt}. */
  public ModelResponse complete(Prompt prompt) {
    List<ChatMessage> messages = prompt.messages();
    ChatMessage last = messages.get(messages.size() - 1);
    String content;
    List<ModelResponse.ToolCall> toolCalls = List.of();
    if (last.role().equals("tool")) {
      List<String> toolResults =
          messages.stream().filter(m -> m.role().equals("tool")).map(ChatMessage::content).toList();
      content = "Based on our policy: " + String.join(" ", toolResults).replace('\n', ' ');
    } else if (NEEDS_KNOWLEDGE_BASE.matcher(last.content().toLowerCase(Locale.ROOT)).find()) {
      String arguments =
          JsonMapper.shared().writeValueAsString(Map.of("query", last.content()));
      toolCalls =
          List.of(
              new ModelResponse.ToolCall(
                  "call_" + (responses.get() + 1), KnowledgeBase.TOOL_NAME, arguments));
      content = "";
    } else {
      content = "Happy to help! Could you tell me your order number?";
    }
    String promptText = messages.stream().map(ChatMessage::content).collect(Collectors.joining());
    String output =
        content + toolCalls.stream().map(ModelResponse.ToolCall::arguments).collect(Collectors.joining());
    return new ModelResponse(
        "resp_" + responses.incrementAndGet(),
        NAME,
        content,
        toolCalls,
        new ModelResponse.Usage(tokens(promptText), Math.max(1, tokens(output))));
  }

  private static int tokens(String text) {
    return (text.length() + 3) / 4;
  }
}
