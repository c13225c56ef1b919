package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.aspect.fixtures.Inventory.OutOfStock;
import dev.spanwise.aspect.fixtures.Inventory.Stock;
import dev.spanwise.aspect.fixtures.ReactiveInventory;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class ReactorResultsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private SentryCapture sentry;
  private final ReactiveInventory inventory = new ReactiveInventory();

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void monoSpanStartsAtSubscriptionAndLastsUntilTheValue() throws Exception {
    Mono<Stock> mono = inventory.lookup("sku-1", Duration.ofMillis(60));
    Thread.sleep(30);
    assertThat(sentry.transactions()).as("nothing before subscription").isEmpty();

    assertThat(mono.block(WAIT)).isEqualTo(new Stock("sku-1", 5));

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction))
        .containsEntry("inventory.sku", "sku-1")
        .containsEntry("inventory.count", 5);
    double seconds = transaction.getTimestamp() - transaction.getStartTimestamp();
    assertThat(seconds).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void eachSubscriptionIsItsOwnSpanUnderTheCallersSpan() {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    Mono<Stock> mono;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      mono = inventory.lookup("sku-2", Duration.ofMillis(5));
    }
    // Subscribed after the caller's scope closed, and on another thread.
    mono.block(WAIT);
    mono.subscribeOn(Schedulers.boundedElastic()).block(WAIT);
    request.finish();

    assertThat(inventory.calls).hasValue(1);
    assertThat(inventory.subscriptions).hasValue(2);
    SentryTransaction transaction = sentry.onlyTransaction();
    List<SentrySpan> spans = withOp(transaction, "inventory.lookup");
    assertThat(spans).hasSize(2);
    assertThat(spans)
        .allSatisfy(
            span -> {
              assertThat(span.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
              assertThat(span.getStatus()).isEqualTo(SpanStatus.OK);
              assertThat(data(span)).containsEntry("inventory.count", 5);
            });
    assertThat(spans.get(0).getSpanId()).isNotEqualTo(spans.get(1).getSpanId());
  }

  @Test
  void monoErrorEndsTheSpanWithTheSameThrowable() {
    ITransaction request = Sentry.startTransaction("GET /stock", "http.server");
    Mono<Stock> mono;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      mono = inventory.fail("sku-3");
    }
    Throwable thrown = catchThrowable(() -> mono.block(WAIT));
    request.finish();

    assertThat(thrown).isInstanceOf(OutOfStock.class);
    assertThat(request.getSpans()).singleElement()
        .satisfies(span -> assertThat(span.getThrowable()).isSameAs(thrown));
    assertThat(withOp(sentry.onlyTransaction(), "inventory.lookup")).singleElement()
        .satisfies(span -> assertThat(span.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR));
  }

  @Test
  void disposingTheSubscriptionEndsTheSpanAsCancelled() {
    Disposable subscription = inventory.never().subscribe();
    assertThat(sentry.transactions()).as("still open").isEmpty();

    subscription.dispose();

    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.CANCELLED);
  }

  @Test
  void emptyMonoEndsOkWithoutResultAttributes() {
    assertThat(inventory.empty().block(WAIT)).isNull();

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction).keySet()).noneMatch(key -> key.startsWith("inventory"));
    assertThat(rootData(transaction).keySet()).noneMatch(key -> key.startsWith("spanwise.error"));
  }

  @Test
  void publisherNobodySubscribesToRecordsNothing() {
    inventory.lookup("sku-4", Duration.ZERO);

    assertThat(sentry.transactions()).isEmpty();
  }

  @Test
  void methodThatThrowsInsteadOfReturningAPublisherIsRecorded() {
    Throwable thrown = catchThrowable(() -> inventory.throwInsteadOfReturning("sku-5"));

    assertThat(thrown).isInstanceOf(OutOfStock.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(rootData(sentry.onlyTransaction())).containsEntry("inventory.sku", "sku-5");
  }

  @Test
  void fluxSpanEndsOnCompleteAfterTheLastElement() {
    Flux<Integer> flux = inventory.scan("A3", 5);

    assertThat(flux.collectList().block(WAIT)).containsExactly(1, 2, 3, 4, 5);
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction)).containsEntry("inventory.shelf", "A3");
    double seconds = transaction.getTimestamp() - transaction.getStartTimestamp();
    assertThat(seconds).isGreaterThanOrEqualTo(0.05);
  }

  @Test
  void fluxSubscribedTwiceIsTwoTransactions() {
    Flux<Integer> flux = inventory.scan("B1", 2);

    flux.blockLast(WAIT);
    flux.blockLast(WAIT);

    assertThat(sentry.transactions()).hasSize(2);
    assertThat(inventory.calls).hasValue(1);
  }

  @Test
  void fluxErrorEndsAsInternalError() {
    Throwable thrown = catchThrowable(() -> inventory.scanFailing().blockLast(WAIT));

    assertThat(thrown).isInstanceOf(OutOfStock.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
  }

  @Test
  void takingFewerElementsThanAnEndlessFluxCancelsItsSpan() {
    assertThat(inventory.scanForever().take(3).collectList().block(WAIT)).hasSize(3);

    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.CANCELLED);
  }
}
