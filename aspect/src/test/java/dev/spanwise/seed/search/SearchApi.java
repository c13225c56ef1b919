package dev.spanwise.seed.search;

import dev.spanwise.SpanHandle;
import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes;
import dev.spanwise.conventions.SentryAttributes.Url;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** The seed's {@code GET /api/search} backend. */
public class SearchApi {

  private final Function<String, List<String>> searchMovies;
  private final LongSupplier clockMillis;

  public SearchApi(Function<String, List<String>> searchMovies, LongSupplier clockMillis) {
    this.searchMovies = searchMovies;
    this.clockMillis = clockMillis;
  }

  // Not in the seed: url.query, the raw query string, which Sentry's conventions mark as personal
  // data. It is recorded only when Sentry's sendDefaultPii option is on.
  @Span(op = "search", name = "Search")
  @ResultAttribute(value = "results.count", path = "count")
  public SearchResponse search(
      @SpanAttribute(value = Url.QUERY, path = "queryString") SearchRequest request) {
    SpanHandle span = Spans.current();
    String query = request.q() == null ? "" : request.q();
    int queryLength = query.length();
    if (query.isEmpty()) {
      span.attribute("search.engine", "elasticsearch");
      return SearchResponse.of(List.of());
    }
    try {
      long startSearch = clockMillis.getAsLong();
      List<String> results = searchMovies.apply(query);
      long searchDuration = clockMillis.getAsLong() - startSearch;

      span.attribute("search.engine", "elasticsearch")
          .attribute("search.mode", queryLength < 3 ? "prefix" : "fuzzy")
          // An integer under query.<key>, a family of personal data: a measurement, so kept.
          .attribute("query.length", queryLength);
      if (searchDuration > 500) {
        span.attribute("performance.slow", true).attribute("search.duration_ms", searchDuration);
      }
      if (request.clientGone().getAsBoolean()) {
        span.status(SpanStatus.CANCELLED).attribute("request.aborted", true);
      }
      return SearchResponse.of(results);
    } catch (RuntimeException e) {
      // Seed: setStatus({ code: 2, message: error.message }); a Java status has no message.
      span.fail().attribute(SentryAttributes.Error.TYPE, e.getClass().getSimpleName());
      Sentry.captureException(e);
      return new SearchResponse(500, null, "Search failed");
    }
  }
}
