package dev.spanwise.seed.search;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.Http;
import io.sentry.SpanStatus;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The seed's debounced search request, as a Java client would write it. The backend call stands
 * for {@code fetch('/api/search?q=...')}; a {@link CancellationException} for the seed's {@code
 * AbortError}.
 */
public class SearchBox {

  static final int DEBOUNCE_MS = 300;

  private final Function<String, SearchResponse> fetch;

  public SearchBox(Function<String, SearchResponse> fetch) {
    this.fetch = fetch;
  }

  // Seed: http.response_size, one character from Sentry's http.response.size, which is used here.
  @Span(op = "function", name = "Search autocomplete request")
  @ResultAttribute(value = "results.count", path = "results.size")
  @ResultAttribute(value = "results.has_results", path = "hasResults")
  @ResultAttribute(value = Http.RESPONSE_SIZE, path = "responseSize")
  public SearchResults search(@SpanAttribute(value = "query.length", path = "length") String query) {
    Spans.current().attribute("ui.debounce_ms", DEBOUNCE_MS);
    SearchResponse response;
    try {
      response = fetch.apply(query);
    } catch (CancellationException aborted) {
      // Seed: not rethrown, so that Sentry gets no error for a request the user superseded.
      Spans.current().attribute("ui.aborted", true).status(SpanStatus.CANCELLED);
      return SearchResults.empty();
    }
    if (response.status() != 200) {
      // Rethrown as in the seed: the aspect ends the span with internal_error.
      throw new IllegalStateException(
          response.error() != null ? response.error() : "Search failed: " + response.status());
    }
    return new SearchResults(response.results(), toJson(response).length());
  }

  private static String toJson(SearchResponse response) {
    StringBuilder json = new StringBuilder("{\"results\":[");
    for (int i = 0; i < response.results().size(); i++) {
      json.append(i == 0 ? "\"" : ",\"").append(response.results().get(i)).append('"');
    }
    return json.append("]}").toString();
  }
}
