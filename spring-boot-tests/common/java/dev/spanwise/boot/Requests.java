package dev.spanwise.boot;

import static dev.spanwise.testing.CapturedSpans.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.testing.CapturingTransportFactory;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Real HTTP requests to the application under test, and what Sentry would send for them. */
public final class Requests {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int port;

  public Requests(int port) {
    this.port = port;
  }

  /** GETs {@code path} from the application; returns the response. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits for {@code count} {@code http.server} transactions named {@code name}; returns them. */
  public static List<SentryTransaction> awaitServerTransactions(
      CapturingTransportFactory sentry, String name, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<SentryTransaction> found =
          sentry.transactions().stream()
              .filter(transaction -> "http.server".equals(root(transaction).getOperation()))
              .filter(transaction -> name.equals(transaction.getTransaction()))
              .toList();
      if (found.size() >= count || System.nanoTime() > deadline) {
        assertThat(found).as("http.server transactions named %s", name).hasSize(count);
        return found;
      }
      Thread.sleep(5);
    }
  }

  /**
   * Asserts that {@code span} is a direct child of {@code transaction}'s root, in its trace, and
   * ended (its end timestamp set) no later than the transaction: Sentry sends a span still open
   * when its transaction finishes as it is then, with neither end timestamp nor status.
   */
  public static void assertEndedInside(SentrySpan span, SentryTransaction transaction) {
    assertThat(span.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(span.getTraceId()).isEqualTo(root(transaction).getTraceId());
    assertThat(span.getOrigin()).isEqualTo("auto.function.spanwise");
    assertThat(span.getTimestamp())
        .as("end of %s (status %s) in a transaction ended at %s",
            span.getOp(), span.getStatus(), transaction.getTimestamp())
        .isNotNull()
        .isLessThanOrEqualTo(transaction.getTimestamp());
  }
}
