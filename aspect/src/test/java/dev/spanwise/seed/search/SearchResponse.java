package dev.spanwise.seed.search;

import java.util.List;

/** The answer of {@code /api/search}: {@code { results }} or {@code { error }}. */
public record SearchResponse(int status, List<String> results, String error) {

  static SearchResponse of(List<String> results) {
    return new SearchResponse(200, results, null);
  }

  /** The number of results, {@code null} on an error (the seed records no count then). */
  public Integer count() {
    return results == null ? null : results.size();
  }
}
