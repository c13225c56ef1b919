package dev.spanwise.seed.ai;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.GenAi;
import java.util.List;

/** The seed's tool: an {@code execute_tool} span with the tool's name and input as parameters. */
public class KnowledgeBaseTools {

  static final String SEARCH_KNOWLEDGE_BASE = "search_knowledge_base";

  static final List<String> POLICIES =
      List.of(
          "Our return policy allows returns within 30 days of purchase.",
          "Refunds are processed within 5-7 business days after we receive the item.",
          "Items must be in original condition with tags attached.",
          "Free return shipping is provided for defective items.");

  // Seed names replaced: gen_ai.tool.input -> gen_ai.tool.call.arguments, gen_ai.tool.output ->
  // gen_ai.tool.call.result. The seed's gen_ai.tool.type is deprecated with no replacement.
  @Span(op = "gen_ai.execute_tool", name = "execute_tool search_knowledge_base")
  @ResultAttribute(GenAi.TOOL_CALL_RESULT)
  public String searchKnowledgeBase(
      @SpanAttribute(GenAi.TOOL_NAME) String toolName,
      @SpanAttribute(GenAi.TOOL_CALL_ARGUMENTS) String arguments) {
    String query = Json.field(arguments, "query");
    Spans.current().attribute(GenAi.OPERATION_NAME, "execute_tool").attribute("search.query", query);
    return String.join("\n", POLICIES);
  }
}
