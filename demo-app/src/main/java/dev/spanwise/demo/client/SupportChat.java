package dev.spanwise.demo.client;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes;
import dev.spanwise.conventions.SentryAttributes.GenAi;
import dev.spanwise.demo.agent.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The customer support chat window: the seed's {@code handleSendMessage}, in Java. */
@Component
public class SupportChat {

  static final String AGENT = "Customer Support Agent";
  static final String MODEL = "custom-model-v2";
  static final String SYSTEM_PROMPT = "You are a helpful customer support agent.";

  private final ApiClient api;
  private final JsonMapper json;

  public SupportChat(ApiClient api, JsonMapper json) {
    this.api = api;
    this.json = json;
  }

  // Seed names replaced by current ones: gen_ai.system -> gen_ai.provider.name,
  // gen_ai.request.messages -> gen_ai.input.messages, gen_ai.response.text ->
  // gen_ai.output.messages. Seed's sentry.origin "manual.ai.custom-llm": Spanwise sets its own.
  // conversation.tools_used is a count here and a JSON list on the server, as in the seed.
  @Span(op = "gen_ai.invoke_agent", name = "invoke_agent Customer Support Agent")
  @ResultAttribute(value = GenAi.OUTPUT_MESSAGES, path = "outputMessages")
  @ResultAttribute(value = GenAi.RESPONSE_ID, path = "responseId")
  @ResultAttribute(value = GenAi.USAGE_TOTAL_TOKENS, path = "totalTokens")
  @ResultAttribute(value = "conversation.tools_used", path = "toolsUsed")
  @ResultAttribute(value = "conversation.resolution_status", path = "resolutionStatus")
  public ChatReply send(
      @SpanAttribute(value = "conversation.session_id", path = "sessionId")
      @SpanAttribute(value = "conversation.turn", path = "turn")
      Conversation conversation,
      String message) {
    List<ChatMessage> history = conversation.history();
    List<ChatMessage> prompt = new ArrayList<>();
    prompt.add(new ChatMessage("system", SYSTEM_PROMPT));
    prompt.addAll(history);
    prompt.add(new ChatMessage("user", message));
    Spans.current()
        .attribute(GenAi.OPERATION_NAME, "invoke_agent")
        .attribute(GenAi.AGENT_NAME, AGENT)
        .attribute(GenAi.PROVIDER_NAME, "custom-llm")
        .attribute(GenAi.REQUEST_MODEL, MODEL)
        .attribute(GenAi.RESPONSE_MODEL, MODEL)
        .attribute(GenAi.INPUT_MESSAGES, json.writeValueAsString(prompt));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("sessionId", conversation.sessionId());
    body.put("conversationHistory", history);
    ApiResponse response = api.post("/api/ai/chat", body);
    if (!response.isOk()) {
      // Seed: AI request failed: the span fails with the error's type; the window shows an error.
      Spans.current().fail().attribute(SentryAttributes.Error.TYPE, "HttpError");
      return new ChatReply(response.status(), null, null, null, null, null, response.error());
    }
    JsonNode answer = response.json();
    String text = answer.path("message").asString();
    conversation.append(message, text);
    return new ChatReply(
        response.status(),
        text,
        answer.path("responseId").asString(),
        answer.path("totalTokens").asInt(),
        answer.path("toolsUsed").size(),
        answer.path("resolutionStatus").asString(),
        null);
  }
}
