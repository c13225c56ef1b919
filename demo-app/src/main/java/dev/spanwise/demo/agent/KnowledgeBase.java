package dev.spanwise.demo.agent;

import java.util.List;
import java.util.Locale;

/** The company knowledge base the agent's tool searches: the seed's four policy sentences. */
public final class KnowledgeBase {

  /** The tool's name, {@code gen_ai.tool.name}. */
  public static final String TOOL_NAME = "search_knowledge_base";

  private static final List<String> ARTICLES =
      List.of(
          "Our return policy allows returns within 30 days of purchase.",
          "Refunds are processed within 5-7 business days after we receive the item.",
          "Items must be in original condition with tags attached.",
          "Free return shipping is provided for defective items.");

  /** Returns the articles that share a word with the query, or all of them when none does. */
  public String search(String query) {
    String lower = query.toLowerCase(Locale.ROOT);
    List<String> hits =
        ARTICLES.stream()
            .filter(
                article -> {
                  for (String word : article.toLowerCase(Locale.ROOT).split("\\W+")) {
                    if (word.length() > 4 && lower.contains(word.substring(0, 5))) {
                      return true;
                    }
                  }
                  return false;
                })
            .toList();
    return String.join("\n", hits.isEmpty() ? ARTICLES : hits);
  }
}
