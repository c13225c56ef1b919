package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static dev.spanwise.testing.CapturedSpans.withOp;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class FutureResultsTest {

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

    assertThat(future).as("a dependent of the method's own future").isNotSameAs(inventory.created.get());
    assertThat(Sentry.getSpan()).as("not current once the method returned").isNull();
    assertThat(future.join()).isSameAs(inventory.created.get().join());
    // join() returns only once the span has finished: the transaction is sent by then.
    SentryTransaction transaction = sentry.onlyTransaction();
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
    request.finish();

    // The future holds a CompletionException around the supplier's exception, as the method's own.
    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(catchThrowable(inventory.created.get()::join).getCause()).isSameAs(thrown.getCause());
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
  void cancellingTheReturnedFutureCancelsTheMethodsOwnAndEndsTheSpanAsCancelled() {
    CompletableFuture<Stock> future = inventory.never();
    assertThat(sentry.transactions()).as("still open").isEmpty();

    assertThat(future.cancel(true)).isTrue();

    assertThat(inventory.created.get().isCancelled()).isTrue();
    assertThat(future.isCancelled()).isTrue();
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.CANCELLED);
  }

  @Test
  void timingOutTheReturnedFutureTimesOutTheMethodsOwn() {
    CompletableFuture<Stock> future = inventory.never().orTimeout(20, TimeUnit.MILLISECONDS);

    Throwable thrown = catchThrowable(future::join);

    assertThat(thrown).hasCauseInstanceOf(TimeoutException.class);
    assertThat(inventory.created.get().isCompletedExceptionally()).isTrue();
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
  }

  @Test
  void callersChainedStagesFindTheSpanFinished() {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    CompletableFuture<Boolean> seenFinished;
    CompletableFuture<Boolean> seenFinishedOnFailure;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      seenFinished =
          inventory.lookupLater("sku-1", 30).thenApply(stock -> spanFinished(request, 0));
      seenFinishedOnFailure =
          inventory.failLater("sku-2").handle((stock, failure) -> spanFinished(request, 1));
    }

    assertThat(seenFinished.join()).isTrue();
    assertThat(seenFinishedOnFailure.join()).isTrue();
    request.finish();
    assertThat(withOp(sentry.onlyTransaction(), "inventory.lookup"))
        .extracting(SentrySpan::getStatus)
        .containsExactly(SpanStatus.OK, SpanStatus.INTERNAL_ERROR);
  }

  @Test
  void exceptionallyOnTheReturnedFutureSeesWhatTheMethodsOwnHolds() {
    CompletableFuture<Stock> future = inventory.failLater("sku-2");

    Throwable seen = future.handle((stock, failure) -> failure).join();

    // supplyAsync stores a CompletionException around the supplier's: the caller sees that one.
    assertThat(inventory.created.get().handle((stock, failure) -> failure).join()).isSameAs(seen);
    assertThat(seen).hasCauseInstanceOf(OutOfStock.class);
  }

  @Test
  void futureAlreadyCompleteIsReturnedItselfWithTheSpanFinished() {
    CompletableFuture<Stock> future = inventory.completedNow("sku-5");

    assertThat(future).isSameAs(inventory.created.get());
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(sentry.onlyTransaction())).containsEntry("inventory.count", 5);
  }

  @Test
  void futureAlreadyFailedIsReturnedItselfWithTheSpanFailed() {
    CompletableFuture<Stock> future = inventory.failedNow("sku-6");

    assertThat(future).isSameAs(inventory.created.get());
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
  }

  @Test
  void declaredSubclassThatMakesItsOwnDependentsGetsOneFinishedAfterTheSpan() {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    Inventory.OwnFuture<Stock> future;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      future = inventory.ownFutureLater("sku-7");
    }
    CompletableFuture<Boolean> seenFinished = future.thenApply(stock -> spanFinished(request, 0));

    assertThat(future).isInstanceOf(Inventory.OwnFuture.class).isNotSameAs(inventory.created.get());
    assertThat(future.join()).isEqualTo(new Stock("sku-7", 7));
    assertThat(seenFinished.join()).isTrue();
    request.finish();
  }

  @Test
  void declaredSubclassWithoutItsOwnDependentsIsReturnedItself() {
    Inventory.BareFuture<Stock> future = inventory.bareFutureLater("sku-8");

    assertThat(future).isSameAs(inventory.created.get());
    assertThat(future.join()).isEqualTo(new Stock("sku-8", 7));
    sentry.awaitTransactions(1, WAIT);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.OK);
  }

  @Test
  void asyncCallLeavesNothingBehindForTheNextTransactionOnTheThread() {
    // Reproduces #11: the next transaction on a worker thread lost all of its spans.
    ITransaction first = Sentry.startTransaction("job 1", "queue.process");
    try (ISentryLifecycleToken ignored = first.makeCurrent()) {
      inventory.lookupLater("sku-1", 150).join();
    }
    first.finish();
    assertThat(Sentry.getSpan()).as("nothing current after the first transaction").isNull();

    ITransaction second = Sentry.startTransaction("job 2", "queue.process");
    try (ISentryLifecycleToken ignored = second.makeCurrent()) {
      new dev.spanwise.aspect.fixtures.Payments().charge("stripe", 100);
      inventory.lookupLater("sku-2", 10).join();
    }
    second.finish();

    SentryTransaction sent = sentry.awaitTransactions(2, WAIT).get(1);
    assertThat(sent.getTransaction()).isEqualTo("job 2");
    assertThat(onlyWithOp(sent, "commerce.payment").getParentSpanId())
        .isEqualTo(root(sent).getSpanId());
    assertThat(onlyWithOp(sent, "inventory.lookup").getStatus()).isEqualTo(SpanStatus.OK);
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
    assertThat(ResultKind.of(String.class)).isEqualTo(ResultKind.PLAIN);
    assertThat(ResultKind.of(void.class)).isEqualTo(ResultKind.PLAIN);
    assertThat(ResultKind.of(java.util.concurrent.Future.class))
        .isEqualTo(ResultKind.PLAIN);
    assertThat(ResultKind.of(CompletableFuture.class))
        .isEqualTo(ResultKind.COMPLETION_STAGE);
    assertThat(ResultKind.of(CompletionStage.class))
        .isEqualTo(ResultKind.COMPLETION_STAGE);
    assertThat(ResultKind.of(Mono.class)).isEqualTo(ResultKind.PUBLISHER);
    assertThat(ResultKind.of(Flux.class)).isEqualTo(ResultKind.PUBLISHER);
    assertThat(ResultKind.of(org.reactivestreams.Publisher.class))
        .isEqualTo(ResultKind.PLAIN);
  }

  /** Whether the request's {@code index}th child span has finished, as a caller's stage sees it. */
  private static boolean spanFinished(ITransaction request, int index) {
    return request.getSpans().size() > index && request.getSpans().get(index).isFinished();
  }

  private static Throwable childThrowable(ITransaction request) {
    assertThat(request.getSpans()).hasSize(1);
    return request.getSpans().get(0).getThrowable();
  }
}
