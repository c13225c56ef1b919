package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.aspect.fixtures.Lookups;
import dev.spanwise.aspect.fixtures.Lookups.Missing;
import dev.spanwise.aspect.fixtures.Lookups.MissingArchived;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Expected exceptions, woven (the load-time agent), through the real SDK: the span ends with the
 * mapped status and {@code exception.type}, without the throwable, and the exception reaches the
 * caller untouched.
 */
class ExpectedExceptionsTest {

  private SentryCapture sentry;
  private final Lookups lookups = new Lookups();

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void exceptionNamedBySpanExpectedEndsTheSpanOkWithItsType() {
    Throwable thrown = catchThrowable(() -> lookups.expectedByTheSpan("A-1"));

    assertThat(thrown).isExactlyInstanceOf(Missing.class).hasMessage("no order A-1");
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction))
        .containsEntry("exception.type", Missing.class.getName())
        .containsEntry("order.id", "A-1");
  }

  @Test
  void expectedExceptionEndsAChildWithItsStatusAndNoThrowable() {
    ISpan child = inRequest(() -> catchThrowable(() -> lookups.notFound("A-2", false)));

    assertThat(child.getThrowable()).isNull();
    SentrySpan span = onlyWithOp(sentry.onlyTransaction(), "db.query");
    assertThat(span.getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(data(span))
        .containsEntry("exception.type", Missing.class.getName())
        .containsEntry("order.id", "A-2");
  }

  @Test
  void subclassOfAnExpectedExceptionIsExpectedAndRecordedByItsOwnName() {
    Throwable thrown = catchThrowable(() -> lookups.notFound("A-3", true));

    assertThat(thrown).isExactlyInstanceOf(MissingArchived.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("exception.type", MissingArchived.class.getName());
  }

  @Test
  void mostSpecificClassWins() {
    catchThrowable(() -> lookups.mostSpecific(new MissingArchived("x")));
    catchThrowable(() -> lookups.mostSpecific(new Missing("x")));
    catchThrowable(() -> lookups.mostSpecific(new IllegalArgumentException("x")));

    assertThat(sentry.transactions())
        .extracting(transaction -> root(transaction).getStatus())
        .containsExactly(
            SpanStatus.FAILED_PRECONDITION, SpanStatus.NOT_FOUND, SpanStatus.INVALID_ARGUMENT);
  }

  @Test
  void expectedExceptionWinsOverSpanExpectedForTheSameClass() {
    catchThrowable(() -> lookups.bothNameIt("A-4"));

    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
  }

  @Test
  void unknownStatusEndsOkAndSaysWhy() {
    Throwable thrown = catchThrowable(() -> lookups.misspeltStatus("A-5"));

    assertThat(thrown).isExactlyInstanceOf(Missing.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("exception.type", Missing.class.getName())
        .hasEntrySatisfying(
            "spanwise.error.exception.status",
            reason -> assertThat((String) reason).contains("'not_fond'"));
  }

  @Test
  void statusTheMethodSetItselfWins() {
    catchThrowable(() -> lookups.setsItsOwnStatus("A-6"));

    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.ABORTED);
    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("exception.type", Missing.class.getName());
  }

  @Test
  void otherExceptionsAreStillFailuresWithTheirThrowable() {
    ISpan child = inRequest(() -> catchThrowable(() -> lookups.unexpected("A-7")));

    assertThat(child.getThrowable()).isInstanceOf(IllegalStateException.class);
    SentrySpan span = onlyWithOp(sentry.onlyTransaction(), "db.query");
    assertThat(span.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(span)).doesNotContainKey("exception.type");
  }

  @Test
  void futureThatFailsLaterWithAnExpectedException() {
    Throwable thrown = catchThrowable(() -> lookups.later("A-8").join());

    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(thrown.getCause()).isExactlyInstanceOf(Missing.class);
    SentryTransaction transaction = sentry.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(rootData(transaction)).containsEntry("exception.type", Missing.class.getName());
  }

  @Test
  void futuresAlreadyFailedAndDependentStagesAreUnwrapped() {
    catchThrowable(() -> lookups.failedNow("A-9").join());
    catchThrowable(() -> lookups.dependentOfFailed("A-10").toCompletableFuture().join());

    assertThat(sentry.awaitTransactions(2, Duration.ofSeconds(5)))
        .allSatisfy(
            transaction -> {
              assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
              assertThat(rootData(transaction))
                  .containsEntry("exception.type", Missing.class.getName());
            });
  }

  @Test
  void monoErrorWithAnExpectedException() {
    Mono<String> mono = lookups.mono("A-11");
    Throwable thrown = catchThrowable(mono::block);

    assertThat(thrown).isExactlyInstanceOf(Missing.class);
    SentryTransaction transaction = sentry.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(rootData(transaction)).containsEntry("exception.type", Missing.class.getName());
  }

  @Test
  void fluxErrorWithAnExpectedException() {
    Flux<String> flux = lookups.flux("A-12");
    Throwable thrown = catchThrowable(() -> flux.collectList().block());

    assertThat(thrown).isExactlyInstanceOf(Missing.class);
    SentryTransaction transaction = sentry.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
  }

  /** Runs {@code call} inside a request's transaction; returns the call's span, as Sentry has it. */
  private static ISpan inRequest(Supplier<?> call) {
    ITransaction request = Sentry.startTransaction("GET /orders", "http.server");
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      call.get();
    }
    request.finish();
    return request.getSpans().stream()
        .filter(span -> "db.query".equals(span.getOperation()))
        .findFirst()
        .orElseThrow();
  }
}
