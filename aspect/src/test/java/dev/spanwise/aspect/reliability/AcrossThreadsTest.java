package dev.spanwise.aspect.reliability;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.SpanExecutors;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryWrapper;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Issue 8.2: a {@code @Span} method run on another thread from inside a traced request. Sentry's
 * active span is per thread: by default the call starts a trace of its own; handed over through
 * Sentry's {@link SentryWrapper} or {@link SpanExecutors#propagating}, it stays in the request's.
 */
@Timeout(60)
class AcrossThreadsTest {

  private static final Map<String, String> OUTCOMES = new TreeMap<>();

  private final Requests requests = new Requests();
  private SentryCapture sentry;
  private ExecutorService pool;

  @BeforeEach
  void start() {
    sentry = SentryCapture.start();
    // One thread, reused by every task: what a task leaves active, the next one would see.
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    sentry.close();
  }

  @AfterAll
  static void writeFigures() {
    ReliabilityFigures figures = ReliabilityFigures.of("across-threads");
    OUTCOMES.forEach(figures::put);
    figures.write();
  }

  @Test
  void byDefaultACallOnAPlainExecutorBecomesATransactionInANewTrace() throws Throwable {
    SentryTransaction request =
        inRequest(
            transaction -> {
              ISpan onPool = pool.submit(() -> requests.lookup("r1")).get(10, TimeUnit.SECONDS);
              // Inside the call, its own span is active: a root, in another trace.
              assertThat(onPool.getSpanContext().getParentSpanId()).isNull();
              assertThat(onPool.getSpanContext().getTraceId())
                  .isNotEqualTo(transaction.getSpanContext().getTraceId());
            });

    assertThat(request.getSpans()).isEmpty();
    SentryTransaction own =
        sentry.awaitTransaction(t -> "Requests.lookup".equals(t.getTransaction()), Duration.ofSeconds(10));
    assertThat(root(own).getTraceId()).isNotEqualTo(root(request).getTraceId());
    assertThat(root(own).getParentSpanId()).isNull();
    assertNothingActiveOnThePoolThread();
    OUTCOMES.put("plain_executor", "own transaction, new trace");
  }

  @Test
  void sentryWrapCallableAndWrapRunnableKeepTheCallInTheRequestsTrace() throws Throwable {
    SentryTransaction request =
        inRequest(
            transaction -> {
              pool.submit(SentryWrapper.wrapCallable(() -> requests.lookup("callable")))
                  .get(10, TimeUnit.SECONDS);
              CountDownLatch ran = new CountDownLatch(1);
              pool.execute(
                  SentryWrapper.wrapRunnable(
                      () -> {
                        requests.lookup("runnable");
                        ran.countDown();
                      }));
              assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            });

    assertLookupsAreChildrenOfTheRequest(request, 2);
    assertThat(sentry.transactions()).hasSize(1);
    assertNothingActiveOnThePoolThread();
    OUTCOMES.put("SentryWrapper.wrapCallable_wrapRunnable", "child of the request's span");
  }

  @Test
  void wrapSupplierKeepsTheSupplierInTheTraceButNotACallbackThatTheCompletingThreadRuns()
      throws Throwable {
    SentryTransaction request =
        inRequest(
            transaction -> {
              CountDownLatch callbackAttached = new CountDownLatch(1);
              CompletableFuture<ISpan> supplied =
                  CompletableFuture.supplyAsync(
                      SentryWrapper.wrapSupplier(
                          () -> {
                            await(callbackAttached);
                            return requests.lookup("supplier");
                          }),
                      pool);
              // Attached before the supplier completes: the pool thread runs it after the
              // wrapper has restored the thread's own scopes.
              CompletableFuture<ISpan> callback = supplied.thenApply(s -> requests.lookup("callback"));
              callbackAttached.countDown();
              ISpan inCallback = callback.get(10, TimeUnit.SECONDS);
              assertThat(inCallback.getSpanContext().getTraceId())
                  .isNotEqualTo(transaction.getSpanContext().getTraceId());
            });

    List<SentrySpan> lookups = assertLookupsAreChildrenOfTheRequest(request, 1);
    assertThat(lookups.get(0).getData()).containsEntry("request.id", "supplier");
    sentry.awaitTransaction(t -> "Requests.lookup".equals(t.getTransaction()), Duration.ofSeconds(10));
    assertNothingActiveOnThePoolThread();
    OUTCOMES.put("SentryWrapper.wrapSupplier_supplier", "child of the request's span");
    OUTCOMES.put("SentryWrapper.wrapSupplier_thenApply_callback", "own transaction, new trace");
  }

  @Test
  void propagatingExecutorKeepsEveryStageOfACompletableFutureInTheTrace() throws Throwable {
    SentryTransaction request =
        inRequest(
            transaction -> {
              var traced = SpanExecutors.propagating(pool);
              CountDownLatch chainBuilt = new CountDownLatch(1);
              CompletableFuture<ISpan> chain =
                  CompletableFuture.supplyAsync(
                          () -> {
                            await(chainBuilt);
                            return requests.lookup("supplyAsync");
                          },
                          traced)
                      .thenApply(s -> requests.lookup("thenApply"))
                      .thenApplyAsync(s -> requests.lookup("thenApplyAsync"), traced)
                      .thenComposeAsync(
                          s -> CompletableFuture.supplyAsync(() -> requests.lookup("nested"), traced),
                          traced);
              chainBuilt.countDown();
              chain.get(10, TimeUnit.SECONDS);
            });

    List<SentrySpan> lookups = assertLookupsAreChildrenOfTheRequest(request, 4);
    assertThat(lookups)
        .extracting(span -> span.getData().get("request.id"))
        .containsExactlyInAnyOrder("supplyAsync", "thenApply", "thenApplyAsync", "nested");
    assertThat(sentry.transactions()).hasSize(1);
    assertNothingActiveOnThePoolThread();
    OUTCOMES.put("SpanExecutors.propagating_all_stages", "child of the request's span");
  }

  /**
   * Sentry's own behaviour, pinned because it surprises: the thread that called {@code
   * Sentry.init} holds the root scopes, and a thread forks them when it first touches Sentry. A
   * transaction made current on the init thread (a batch job's {@code main}, say) is therefore seen
   * by a pool thread that starts after it, and that thread's calls join it.
   */
  @Test
  void onTheThreadThatInitialisedSentryATransactionReachesThreadsThatStartLater()
      throws Exception {
    ITransaction job = Sentry.startTransaction("job", "task");
    try (ISentryLifecycleToken ignored = job.makeCurrent()) {
      pool.submit(() -> requests.lookup("from a new pool thread")).get(10, TimeUnit.SECONDS);
    }
    job.finish();

    SentryTransaction sent =
        sentry.awaitTransaction(t -> "job".equals(t.getTransaction()), Duration.ofSeconds(10));
    assertLookupsAreChildrenOfTheRequest(sent, 1);
    OUTCOMES.put("init_thread_transaction_seen_by_new_pool_thread", "child of the init thread's span");
  }

  /**
   * Sentry 8's model, pinned: {@code Span.makeCurrent()} is a no-op and a new span's parent is its
   * transaction's latest unfinished span, whichever thread started it. So a call made while a
   * wrapped task of the same transaction holds a span open on another thread nests under it.
   */
  @Test
  void concurrentCallsInOneTransactionNestUnderItsLatestUnfinishedSpan() throws Throwable {
    SentryTransaction request =
        inRequest(
            transaction -> {
              CountDownLatch entered = new CountDownLatch(1);
              CountDownLatch release = new CountDownLatch(1);
              var held = pool.submit(SentryWrapper.wrapCallable(() -> requests.hold(entered, release)));
              assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
              requests.lookup("meanwhile, on the request's thread");
              release.countDown();
              assertThat(held.get(10, TimeUnit.SECONDS)).isTrue();
            });

    SentrySpan held = withOp(request, "test.request.wait").get(0);
    SentrySpan lookup = withOp(request, "test.request.lookup").get(0);
    assertThat(held.getParentSpanId()).isEqualTo(root(request).getSpanId());
    assertThat(lookup.getParentSpanId()).isEqualTo(held.getSpanId());
    OUTCOMES.put("concurrent_call_in_same_transaction", "child of the other thread's open span");
  }

  @Test
  void propagatingExecutorRunsTasksUnchangedWithSentryOff() throws Throwable {
    sentry.close();
    CompletableFuture<ISpan> task =
        CompletableFuture.supplyAsync(() -> requests.lookup("off"), SpanExecutors.propagating(pool));

    assertThat(task.get(10, TimeUnit.SECONDS)).isNull();
    assertNothingActiveOnThePoolThread();
  }

  /**
   * Runs {@code body} inside a request transaction on a thread of its own, as a server's worker
   * thread would, finishes it, and returns it as sent. (Not on the test's thread: that one called
   * {@code Sentry.init} and so holds Sentry's root scopes, which threads that first touch Sentry
   * later fork; see {@link #onTheThreadThatInitialisedSentryATransactionReachesThreadsThatStartLater}.)
   */
  private SentryTransaction inRequest(ThrowingConsumer<ITransaction> body) throws Throwable {
    ExecutorService server = Executors.newSingleThreadExecutor();
    Throwable[] failure = new Throwable[1];
    try {
      server
          .submit(
              () -> {
                try {
                  ITransaction transaction = Sentry.startTransaction("request", "http.server");
                  try (ISentryLifecycleToken ignored = transaction.makeCurrent()) {
                    body.accept(transaction);
                    assertThat(Sentry.getSpan()).isSameAs(transaction);
                  }
                  transaction.finish();
                  assertThat(Sentry.getSpan()).isNull();
                } catch (Throwable thrown) {
                  failure[0] = thrown;
                }
              })
          .get(30, TimeUnit.SECONDS);
    } finally {
      server.shutdownNow();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    return sentry.awaitTransaction(t -> "request".equals(t.getTransaction()), Duration.ofSeconds(10));
  }

  private static List<SentrySpan> assertLookupsAreChildrenOfTheRequest(
      SentryTransaction request, int count) {
    List<SentrySpan> lookups = withOp(request, "test.request.lookup");
    assertThat(lookups).hasSize(count);
    for (SentrySpan lookup : lookups) {
      assertThat(lookup.getParentSpanId()).isEqualTo(root(request).getSpanId());
      assertThat(lookup.getTraceId()).isEqualTo(root(request).getTraceId());
    }
    return lookups;
  }

  private void assertNothingActiveOnThePoolThread() throws Exception {
    assertThat(pool.submit(Sentry::getSpan).get(10, TimeUnit.SECONDS)).isNull();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
