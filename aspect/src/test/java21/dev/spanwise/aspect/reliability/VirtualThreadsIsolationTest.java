package dev.spanwise.aspect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.testing.SentryCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8.1 on virtual threads (JDK 21+, compiled from src/test/java21): 10,000 of them, all
 * started before any runs, one request each. Sentry keeps its scopes in thread locals, which each
 * virtual thread has of its own.
 */
class VirtualThreadsIsolationTest {

  private static final int THREADS = 10_000;

  @Test
  @Timeout(120)
  void everySpanStaysInItsOwnRequestAndNoActiveSpanLeaks() throws Exception {
    Requests requests = new Requests();
    try (SentryCapture sentry = SentryCapture.start()) {
      List<Future<List<String>>> results = new ArrayList<>(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      long began;
      List<String> problems = new ArrayList<>();
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int t = 0; t < THREADS; t++) {
          int id = t;
          results.add(
              threads.submit(
                  () -> {
                    start.await();
                    return IsolationCheck.runRequest(requests, id);
                  }));
        }
        began = System.nanoTime();
        start.countDown();
        for (Future<List<String>> result : results) {
          problems.addAll(result.get(60, TimeUnit.SECONDS));
        }
      }
      long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();

      IsolationCheck.Result sent =
          IsolationCheck.verify(sentry.awaitTransactions(THREADS, Duration.ofSeconds(30)), THREADS);

      assertThat(problems).isEmpty();
      assertThat(sent.problems()).isEmpty();
      assertThat(sent.spansChecked()).isEqualTo(2L * IsolationCheck.STEPS * THREADS);
      ReliabilityFigures.of("isolation-virtual")
          .put("threads", THREADS)
          .put("requests", THREADS)
          .put("traced.calls", 2L * IsolationCheck.STEPS * THREADS)
          .put("spans.checked", sent.spansChecked())
          .put("problems", problems.size() + sent.problems().size())
          .put("millis", millis)
          .write();
    }
  }
}
