package dev.spanwise.seed.ai;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes;
import dev.spanwise.conventions.SentryAttributes.GenAi;
import io.sentry.Sentry;
import java.util.ArrayList;
import java.util.List;

/** The seed's {@code POST /api/ai/chat}: one agent invocation, one LLM call, its tool calls. */
public class SupportAgent {

  static final String AGENT = "Customer Support Agent";
  static final String PROVIDER = "custom-llm";
  static final String MODEL = "custom-model-v2";
  static final String SYSTEM_PROMPT = "You are a customer support agent. Use tools when needed.";
  static final String TOOL_DEFINITIONS =
      "[{\"name\":\"search_knowledge_base\","
          + "\"description\":\"Search company knowledge base for answers\"}]";

  private final CustomLlm llm;
  private final KnowledgeBaseTools tools;

  public SupportAgent(CustomLlm llm, KnowledgeBaseTools tools) {
    this.llm = llm;
    this.tools = tools;
  }

  // The seed sets these on the agent span before res.json(...): read here from the response.
  @Span(op = "gen_ai.invoke_agent", name = "invoke_agent Customer Support Agent")
  @ResultAttribute(value = GenAi.OUTPUT_MESSAGES, path = "outputMessages")
  @ResultAttribute(value = GenAi.RESPONSE_ID, path = "responseId")
  @ResultAttribute(value = GenAi.USAGE_TOTAL_TOKENS, path = "totalTokens")
  @ResultAttribute(value = "conversation.tools_used", path = "toolsUsedJson")
  @ResultAttribute(value = "conversation.resolution_status", path = "resolutionStatus")
  public ChatResponse chat(
      @SpanAttribute("conversation.session_id") String sessionId,
      String message,
      List<ChatMessage> conversationHistory) {
    // Seed: sentry.origin "manual.ai.custom-llm"; Spanwise's spans keep auto.function.spanwise.
    Spans.current()
        .attribute(GenAi.OPERATION_NAME, "invoke_agent")
        .attribute(GenAi.AGENT_NAME, AGENT)
        .attribute(GenAi.PROVIDER_NAME, PROVIDER)
        .attribute(GenAi.REQUEST_MODEL, MODEL)
        // Seed: gen_ai.request.available_tools, now gen_ai.tool.definitions.
        .attribute(GenAi.TOOL_DEFINITIONS, TOOL_DEFINITIONS);
    try {
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(new ChatMessage("system", SYSTEM_PROMPT));
      messages.addAll(conversationHistory);
      messages.add(new ChatMessage("user", message));
      LlmResponse llmResponse = llm.chat(MODEL, Json.messages(messages));
      int totalTokens = llmResponse.usage().totalTokens();

      List<String> toolsUsed = new ArrayList<>();
      String finalResponse;
      if (!llmResponse.toolCalls().isEmpty()) {
        for (ToolCall toolCall : llmResponse.toolCalls()) {
          if (toolCall.name().equals(KnowledgeBaseTools.SEARCH_KNOWLEDGE_BASE)) {
            tools.searchKnowledgeBase(toolCall.name(), toolCall.arguments());
            toolsUsed.add(toolCall.name());
          }
        }
        // Seed: synthesizeResponse(...), no span of its own.
        finalResponse = "Based on the information I found, here's your answer...";
        totalTokens += 150;
      } else {
        finalResponse = llmResponse.content();
      }
      String resolutionStatus = toolsUsed.isEmpty() ? "answered" : "resolved";
      return new ChatResponse(
          200, finalResponse, llmResponse.id(), totalTokens, toolsUsed, resolutionStatus, null);
    } catch (RuntimeException e) {
      // Seed: setStatus({ code: 2, message: "agent_invocation_failed" }) and error.type.
      Spans.current().fail().attribute(SentryAttributes.Error.TYPE, e.getClass().getSimpleName());
      Sentry.captureException(e);
      return ChatResponse.failed();
    }
  }
}
