package dev.spanwise.demo.client;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.Http;
import io.sentry.SpanStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** One debounced autocomplete request of NullFlix's search box: the seed's client span. */
@Component
public class AutocompleteClient {

  private final ApiClient api;

  public AutocompleteClient(ApiClient api) {
    this.api = api;
  }

  // Seed: http.response_size, one character from Sentry's http.response.size, which is used here.
  @Span(op = "function", name = "Search autocomplete request")
  @ResultAttribute(value = "results.count", path = "count")
  @ResultAttribute(value = "results.has_results", path = "hasResults")
  @ResultAttribute(value = Http.RESPONSE_SIZE, path = "responseSize")
  public SearchResults search(
      @SpanAttribute(value = "query.length", path = "length") String query, AbortSignal signal) {
    Spans.current().attribute("ui.debounce_ms", SearchBox.DEBOUNCE_MS);
    CompletableFuture<ApiResponse> call = api.getAsync("/api/search", Map.of("q", query));
    signal.onAbort(() -> call.cancel(true));
    ApiResponse response;
    try {
      response = call.join();
    } catch (CancellationException | CompletionException failed) {
      Throwable cause = failed instanceof CompletionException ? failed.getCause() : failed;
      if (signal.isAborted() && cause instanceof CancellationException) {
        // Seed: an AbortError is not rethrown, so Sentry gets no error for a superseded request.
        Spans.current().attribute("ui.aborted", true).status(SpanStatus.CANCELLED);
        return SearchResults.abortedRequest();
      }
      throw failed;
    }
    if (!response.isOk()) {
      // Rethrown as in the seed: the span ends with internal_error.
      throw new IllegalStateException("Search failed: " + response.error());
    }
    List<String> titles = new ArrayList<>();
    for (JsonNode title : response.json().path("results")) {
      titles.add(title.asString());
    }
    return new SearchResults(
        titles, response.body().getBytes(StandardCharsets.UTF_8).length, false);
  }
}
