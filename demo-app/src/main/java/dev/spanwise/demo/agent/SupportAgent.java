package dev.spanwise.demo.agent;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes;
import dev.spanwise.conventions.SentryAttributes.GenAi;
import io.sentry.Sentry;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The customer service agent behind {@code POST /api/ai/chat}: one {@code gen_ai.invoke_agent}
 * span, a {@code gen_ai.chat} span per model call, a {@code gen_ai.execute_tool} span per tool call.
 */
@Service
public class SupportAgent {

  static final String AGENT = "Customer Support Agent";
  static final String SYSTEM_PROMPT = "You are a customer support agent. Use tools when needed.";
  static final String TOOL_DEFINITIONS =
      "[{\"name\":\"search_knowledge_base\","
          + "\"description\":\"Search company knowledge base for answers\"}]";

  private final ModelClient model;
  private final KnowledgeBaseTool knowledgeBase;

  public SupportAgent(ModelClient model, KnowledgeBaseTool knowledgeBase) {
    this.model = model;
    this.knowledgeBase = knowledgeBase;
  }

  // The seed sets these on the agent span right before res.json(...): read here from the result.
  @Span(op = "gen_ai.invoke_agent", name = "invoke_agent Customer Support Agent")
  @ResultAttribute(value = GenAi.OUTPUT_MESSAGES, path = "outputMessages")
  @ResultAttribute(value = GenAi.RESPONSE_ID, path = "responseId")
  @ResultAttribute(value = GenAi.USAGE_TOTAL_TOKENS, path = "totalTokens")
  @ResultAttribute(value = "conversation.tools_used", path = "toolsUsedJson")
  @ResultAttribute(value = "conversation.resolution_status", path = "resolutionStatus")
  public ChatResult chat(
      @SpanAttribute(value = "conversation.session_id", path = "sessionId") ChatRequest request) {
    // Seed: sentry.origin "manual.ai.custom-llm"; Spanwise's spans keep auto.function.spanwise.
    Spans.current()
        .attribute(GenAi.OPERATION_NAME, "invoke_agent")
        .attribute(GenAi.AGENT_NAME, AGENT)
        .attribute(GenAi.PROVIDER_NAME, ModelClient.PROVIDER)
        .attribute(GenAi.REQUEST_MODEL, CustomModel.NAME)
        // Seed: gen_ai.request.available_tools, now gen_ai.tool.definitions.
        .attribute(GenAi.TOOL_DEFINITIONS, TOOL_DEFINITIONS);
    try {
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(new ChatMessage("system", SYSTEM_PROMPT));
      if (request.conversationHistory() != null) {
        messages.addAll(request.conversationHistory());
      }
      messages.add(new ChatMessage("user", request.message()));

      ModelResponse response = model.chat(Prompt.of(messages));
      int totalTokens = response.usage().totalTokens();
      List<String> toolsUsed = new ArrayList<>();
      if (response.wantsTools()) {
        for (ModelResponse.ToolCall call : response.toolCalls()) {
          if (call.name().equals(KnowledgeBase.TOOL_NAME)) {
            messages.add(new ChatMessage("tool", knowledgeBase.execute(call)));
            toolsUsed.add(call.name());
          }
        }
        // Seed: synthesizeResponse(...), a second model call; here it gets its span like the first.
        response = model.chat(Prompt.of(messages));
        totalTokens += response.usage().totalTokens();
      }
      String resolutionStatus = toolsUsed.isEmpty() ? "answered" : "resolved";
      return new ChatResult(
          200, response.content(), response.id(), totalTokens, toolsUsed, resolutionStatus, null);
    } catch (RuntimeException e) {
      // Seed: setStatus({ code: 2, message: "agent_invocation_failed" }) and error.type.
      Spans.current().fail().attribute(SentryAttributes.Error.TYPE, e.getClass().getSimpleName());
      Sentry.captureException(e);
      return ChatResult.failed();
    }
  }
}
