package dev.spanwise.demo.search;

import dev.spanwise.SpanHandle;
import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** NullFlix's search: the seed's {@code search} span over the in-memory {@link TitleIndex}. */
@Service
public class SearchService {

  /** The seed's engine is Elasticsearch; the demo's is its own in-memory index. */
  static final String ENGINE = "nullflix-title-index";

  static final long SLOW_MILLIS = 500;
  static final int MAX_RESULTS = 10;

  private final TitleIndex index = TitleIndex.loadCatalogue();
  private final Duration fuzzyLatency;

  public SearchService(@Value("${nullflix.search.fuzzy-latency:0ms}") Duration fuzzyLatency) {
    this.fuzzyLatency = fuzzyLatency;
  }

  @Span(op = "search", name = "Search")
  @ResultAttribute(value = "results.count", path = "count")
  public SearchResponse search(
      // An integer under query.<key>, a family of personal data in the conventions: a measurement,
      // so it is kept (the query text itself is not recorded).
      @SpanAttribute(value = "query.length", path = "length") String query) {
    SpanHandle span = Spans.current().attribute("search.engine", ENGINE);
    if (query.isEmpty()) {
      return new SearchResponse(List.of());
    }
    String mode = TitleIndex.modeFor(query);
    span.attribute("search.mode", mode);

    long startSearch = System.nanoTime();
    if (mode.equals("fuzzy")) {
      simulateClusterLatency();
    }
    List<String> results =
        index.search(query, MAX_RESULTS).stream().map(TitleIndex.Title::name).toList();
    long searchDurationMs = (System.nanoTime() - startSearch) / 1_000_000;
    if (searchDurationMs > SLOW_MILLIS) {
      span.attribute("performance.slow", true).attribute("search.duration_ms", searchDurationMs);
    }
    return new SearchResponse(results);
  }

  private void simulateClusterLatency() {
    try {
      Thread.sleep(fuzzyLatency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
