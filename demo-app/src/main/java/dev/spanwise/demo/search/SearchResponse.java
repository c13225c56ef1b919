package dev.spanwise.demo.search;

import java.util.List;

/** The body of {@code GET /api/search}: {@code { results }}, each a title. */
public record SearchResponse(List<String> results) {

  /** Returns how many results there are, {@code results.count}. */
  public int count() {
    return results.size();
  }
}
