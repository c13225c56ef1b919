package dev.spanwise.seed;

import static dev.spanwise.seed.SeedTraces.inServerTransaction;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spanwise.seed.search.SearchApi;
import dev.spanwise.seed.search.SearchBox;
import dev.spanwise.seed.search.SearchRequest;
import dev.spanwise.seed.search.SearchResponse;
import dev.spanwise.seed.search.SearchResults;
import dev.spanwise.testing.SentryCapture;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's search autocomplete: the client request span and the backend's search span. */
class SearchFlowTest {

  private static final List<String> MOVIES = List.of("Star Wars", "Stargate", "Starship Troopers");

  private SentryCapture sentry;
  private final AtomicLong clock = new AtomicLong(1_000);
  private long searchTakesMillis = 40;
  private boolean clientGone;
  private RuntimeException searchFailure;

  private final SearchApi api =
      new SearchApi(
          query -> {
            if (searchFailure != null) {
              throw searchFailure;
            }
            clock.addAndGet(searchTakesMillis);
            return MOVIES.stream().filter(m -> m.toLowerCase().contains(query)).toList();
          },
          clock::get);

  @AfterEach
  void close() {
    if (sentry != null) {
      sentry.close();
    }
  }

  @Test
  void backendRecordsEngineModeLengthAndCountButNotTheQueryStringWithoutSendDefaultPii() {
    sentry = SentryCapture.start();

    SearchResponse response = serverSearch("q=star", "star");

    assertThat(response.results()).hasSize(3);
    SentrySpan search = onlyWithOp(sentry.onlyTransaction(), "search");
    assertThat(search.getDescription()).isEqualTo("Search");
    assertThat(search.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(search))
        .containsEntry("search.engine", "elasticsearch")
        .containsEntry("search.mode", "fuzzy")
        .containsEntry("query.length", 4)
        .containsEntry("results.count", 3)
        .doesNotContainKeys("url.query", "spanwise.error.url.query", "performance.slow");
  }

  @Test
  void queryStringIsRecordedWhenSendDefaultPiiIsOn() {
    sentry = SentryCapture.start(options -> options.setSendDefaultPii(true));

    serverSearch("q=st", "st");

    assertThat(data(onlyWithOp(sentry.onlyTransaction(), "search")))
        .containsEntry("url.query", "q=st")
        .containsEntry("search.mode", "prefix")
        .containsEntry("query.length", 2);
  }

  @Test
  void slowSearchIsFlaggedWithItsDuration() {
    sentry = SentryCapture.start();
    searchTakesMillis = 750;

    serverSearch("q=star", "star");

    assertThat(data(onlyWithOp(sentry.onlyTransaction(), "search")))
        .containsEntry("performance.slow", true)
        .containsEntry("search.duration_ms", 750);
  }

  @Test
  void emptyQueryAnswersNoResultsWithCountZero() {
    sentry = SentryCapture.start();

    serverSearch("", null);

    assertThat(data(onlyWithOp(sentry.onlyTransaction(), "search")))
        .containsEntry("results.count", 0)
        .containsEntry("search.engine", "elasticsearch")
        .doesNotContainKeys("search.mode", "query.length");
  }

  @Test
  void clientGoneMarksTheSearchCancelled() {
    sentry = SentryCapture.start();
    clientGone = true;

    serverSearch("q=star", "star");

    SentrySpan search = onlyWithOp(sentry.onlyTransaction(), "search");
    assertThat(search.getStatus()).isEqualTo(SpanStatus.CANCELLED);
    assertThat(data(search)).containsEntry("request.aborted", true);
  }

  @Test
  void failingSearchIsA500WithErrorTypeAndFailedStatus() {
    sentry = SentryCapture.start();
    searchFailure = new IllegalArgumentException("index closed");

    SearchResponse response = serverSearch("q=star", "star");

    assertThat(response.status()).isEqualTo(500);
    SentrySpan search = onlyWithOp(sentry.onlyTransaction(), "search");
    assertThat(search.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(search))
        .containsEntry("error.type", "IllegalArgumentException")
        .doesNotContainKeys("results.count", "spanwise.error.results.count");
  }

  @Test
  void clientSpanReadsCountsAndResponseSizeFromItsResult() {
    sentry = SentryCapture.start();
    SearchBox box =
        new SearchBox(q -> api.search(new SearchRequest("q=" + q, q, () -> false)));

    SearchResults results = box.search("star");

    assertThat(results.responseSize()).isEqualTo(56);
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("Search autocomplete request");
    assertThat(root(transaction).getOperation()).isEqualTo("function");
    assertThat(rootData(transaction))
        .containsEntry("query.length", 4)
        .containsEntry("ui.debounce_ms", 300)
        .containsEntry("results.count", 3)
        .containsEntry("results.has_results", true)
        .containsEntry("http.response.size", 56)
        .doesNotContainKey("http.response_size");
    assertThat(onlyWithOp(transaction, "search").getParentSpanId())
        .isEqualTo(root(transaction).getSpanId());
  }

  @Test
  void abortedClientRequestIsCancelledNotAnError() {
    sentry = SentryCapture.start();
    SearchBox box =
        new SearchBox(
            q -> {
              throw new CancellationException("superseded");
            });

    SearchResults results = box.search("sta");

    assertThat(results.hasResults()).isFalse();
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.CANCELLED);
    assertThat(rootData(transaction))
        .containsEntry("ui.aborted", true)
        .containsEntry("results.count", 0)
        .containsEntry("results.has_results", false)
        .doesNotContainKey("http.response.size");
  }

  @Test
  void failedClientRequestThrowsAndEndsTheSpanWithInternalError() {
    sentry = SentryCapture.start();
    SearchBox box = new SearchBox(q -> new SearchResponse(503, null, "Search failed"));

    assertThatThrownBy(() -> box.search("star")).hasMessage("Search failed");

    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
  }

  private SearchResponse serverSearch(String queryString, String q) {
    return inServerTransaction(
        "GET /api/search", () -> api.search(new SearchRequest(queryString, q, () -> clientGone)));
  }
}
