package dev.spanwise.seed.search;

import java.util.List;

/** What the search box shows; {@code responseSize} is the JSON body's length, when one came. */
public record SearchResults(List<String> results, Integer responseSize) {

  static SearchResults empty() {
    return new SearchResults(List.of(), null);
  }

  public boolean hasResults() {
    return !results.isEmpty();
  }
}
