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

/** Issue 8.1: 32 platform threads, each running requests in transactions of their own. */
class PlatformThreadsIsolationTest {

  private static final int THREADS = 32;
  private static final int REQUESTS_PER_THREAD = 40;

  @Test
  @Timeout(120)
  void everySpanStaysInItsOwnRequestAndNoActiveSpanLeaks() throws Exception {
    Requests requests = new Requests();
    try (SentryCapture sentry = SentryCapture.start()) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> results = new ArrayList<>();
      long began = System.nanoTime();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> problems = new ArrayList<>();
                  for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                    problems.addAll(
                        IsolationCheck.runRequest(requests, thread * REQUESTS_PER_THREAD + r));
                  }
                  return problems;
                }));
      }
      start.countDown();
      List<String> problems = new ArrayList<>();
      for (Future<List<String>> result : results) {
        problems.addAll(result.get(60, TimeUnit.SECONDS));
      }
      long millis = Duration.ofNanos(System.nanoTime() - began).toMillis();
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      int requestCount = THREADS * REQUESTS_PER_THREAD;

      IsolationCheck.Result sent =
          IsolationCheck.verify(
              sentry.awaitTransactions(requestCount, Duration.ofSeconds(30)), requestCount);

      assertThat(problems).isEmpty();
      assertThat(sent.problems()).isEmpty();
      assertThat(sent.spansChecked()).isEqualTo(2L * IsolationCheck.STEPS * requestCount);
      ReliabilityFigures.of("isolation-platform")
          .put("threads", THREADS)
          .put("requests", requestCount)
          .put("traced.calls", 2L * IsolationCheck.STEPS * requestCount)
          .put("spans.checked", sent.spansChecked())
          .put("problems", problems.size() + sent.problems().size())
          .put("millis", millis)
          .write();
    }
  }
}
