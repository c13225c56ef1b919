package dev.spanwise.demo.agent;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.GenAi;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The agent's {@code search_knowledge_base} tool: one {@code execute_tool} span per call. */
@Component
public class KnowledgeBaseTool {

  private final KnowledgeBase knowledgeBase = new KnowledgeBase();

  // Seed names replaced: gen_ai.tool.input -> gen_ai.tool.call.arguments, gen_ai.tool.output ->
  // gen_ai.tool.call.result. The seed's gen_ai.tool.type is deprecated with no replacement.
  @Span(op = "gen_ai.execute_tool", name = "execute_tool search_knowledge_base")
  @ResultAttribute(GenAi.TOOL_CALL_RESULT)
  public String execute(
      @SpanAttribute(value = GenAi.TOOL_NAME, path = "name")
      @SpanAttribute(value = "gen_ai.tool.call.id", path = "id")
      @SpanAttribute(value = GenAi.TOOL_CALL_ARGUMENTS, path = "arguments")
      ModelResponse.ToolCall call) {
    String query = JsonMapper.shared().readTree(call.arguments()).path("query").asString();
    Spans.current().attribute(GenAi.OPERATION_NAME, "execute_tool").attribute("search.query", query);
    return knowledgeBase.search(query);
  }
}
