package dev.spanwise.demo.client;

import java.util.List;

/**
 * What the search box shows for one request: the titles, the response's size, or that the request
 * was aborted (no count then: the seed records the results only for a completed request).
 */
public record SearchResults(List<String> titles, Integer responseSize, boolean aborted) {

  static SearchResults abortedRequest() {
    return new SearchResults(List.of(), null, true);
  }

  /** Returns how many titles came back, {@code null} for an aborted request. */
  public Integer count() {
    return aborted ? null : titles.size();
  }

  /** Returns whether any title came back, {@code null} for an aborted request. */
  public Boolean hasResults() {
    return aborted ? null : !titles.isEmpty();
  }
}
