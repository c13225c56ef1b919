package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.aspect.fixtures.Inventory;
import dev.spanwise.aspect.fixtures.Inventory.OutOfStock;
import dev.spanwise.aspect.fixtures.Inventory.Stock;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class AsyncResultsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private SentryCapture sentry;
  private final Inventory inventory = new Inventory();

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void futureSpanLastsUntilTheFutureCompletesAndReadsTheCompletedValue() {
    CompletableFuture<Stock> future = inventory.lookupLater("sku-1", 60);

    assertThat(future).isSameAs(inventory.created.get());
    assertThat(Sentry.getSpan()).as("not current once the method returned").isNull();
    assertThat(future.join()).isEqualTo(new Stock("sku-1", 7));
    SentryTransaction transaction = sentry.awaitTransactions(1, WAIT).get(0);
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction))
        .containsEntry("inventory.sku", "sku-1")
        .containsEntry("inventory.count", 7);
    double seconds = transaction.getTimestamp() - transaction.getStartTimestamp();
    assertThat(seconds).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void callAfterAnAsyncCallIsItsSiblingNotItsChild() throws Exception {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    CompletableFuture<Stock> future;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      future = inventory.lookupLater("sku-1", 50);
      // The lookup's span is still open; the next call must not nest under it.
      new dev.spanwise.aspect.fixtures.Payments().charge("stripe", 100);
    }
    future.join();
    awaitChildFinished(request);
    request.finish();

    SentryTransaction transaction = sentry.onlyTransaction();
    SentrySpan lookup = onlyWithOp(transaction, "inventory.lookup");
    SentrySpan payment = onlyWithOp(transaction, "commerce.payment");
    assertThat(lookup.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(payment.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
  }

  @Test
  void failedFutureEndsWithTheUnwrappedCauseAsThrowable() throws Exception {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    CompletableFuture<Stock> future;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      future = inventory.failLater("sku-2");
    }
    Throwable thrown = catchThrowable(future::join);
    awaitChildFinished(request);
    request.finish();

    // The future holds a CompletionException around the supplier's exception.
    assertThat(thrown).isInstanceOf(java.util.concurrent.CompletionException.class);
    assertThat(childThrowable(request)).isSameAs(thrown.getCause()).isInstanceOf(OutOfStock.class);
    SentrySpan span = onlyWithOp(sentry.onlyTransaction(), "inventory.lookup");
    assertThat(span.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(span.getParentSpanId()).isEqualTo(root(sentry.onlyTransaction()).getSpanId());
  }

  @Test
  void dependentStageOfAFailureIsUnwrapped() {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      inventory.dependentOfFailed("sku-3");
    }
    request.finish();

    assertThat(childThrowable(request)).isInstanceOf(OutOfStock.class);
    assertThat(onlyWithOp(sentry.onlyTransaction(), "inventory.lookup").getStatus())
        .isEqualTo(SpanStatus.INTERNAL_ERROR);
  }

  @Test
  void cancellingTheReturnedFutureEndsTheSpanAsCancelled() {
    CompletableFuture<Stock> future = inventory.never();
    assertThat(sentry.transactions()).as("still open").isEmpty();

    future.cancel(true);

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.CANCELLED);
  }

  @Test
  void completionStageThatIsAlreadyDoneEndsAtOnce() {
    CompletionStage<Stock> stage = inventory.alreadyDone("sku-4");

    assertThat(stage.toCompletableFuture().join().count()).isEqualTo(3);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(sentry.onlyTransaction())).containsEntry("inventory.count", 3);
  }

  @Test
  void nullFutureEndsTheSpanOnReturn() {
    assertThat(inventory.nothing()).isNull();

    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.OK);
  }

  @Test
  void onlyFuturesStagesMonosAndFluxesCompleteLater() {
    assertThat(AsyncResults.kindOf(String.class)).isEqualTo(AsyncResults.Kind.PLAIN);
    assertThat(AsyncResults.kindOf(void.class)).isEqualTo(AsyncResults.Kind.PLAIN);
    assertThat(AsyncResults.kindOf(java.util.concurrent.Future.class))
        .isEqualTo(AsyncResults.Kind.PLAIN);
    assertThat(AsyncResults.kindOf(CompletableFuture.class))
        .isEqualTo(AsyncResults.Kind.COMPLETION_STAGE);
    assertThat(AsyncResults.kindOf(CompletionStage.class))
        .isEqualTo(AsyncResults.Kind.COMPLETION_STAGE);
    assertThat(AsyncResults.kindOf(Mono.class)).isEqualTo(AsyncResults.Kind.PUBLISHER);
    assertThat(AsyncResults.kindOf(Flux.class)).isEqualTo(AsyncResults.Kind.PUBLISHER);
    assertThat(AsyncResults.kindOf(org.reactivestreams.Publisher.class))
        .isEqualTo(AsyncResults.Kind.PLAIN);
  }

  private static void awaitChildFinished(ITransaction request) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (request.getSpans().isEmpty() || !request.getSpans().get(0).isFinished()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the future's span did not finish");
      }
      Thread.sleep(5);
    }
  }

  private static Throwable childThrowable(ITransaction request) {
    assertThat(request.getSpans()).hasSize(1);
    return request.getSpans().get(0).getThrowable();
  }
}
