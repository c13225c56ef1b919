package dev.spanwise.weaving;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.testing.SentryCapture;
import dev.spanwise.weaving.Carrier.NoCourier;
import dev.spanwise.weaving.Couriers.Bike;
import dev.spanwise.weaving.Couriers.ExpressBike;
import dev.spanwise.weaving.Couriers.Van;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15 woven by ajc at build time, no agent: {@code @Span} on an interface (the calls are in
 * {@link Couriers}, woven code), expected exceptions, and {@code spanwise.exclude} as a system
 * property of this JVM.
 */
class Issue15WovenTest {

  private SentryCapture sentry;

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void implementationOfAnAnnotatedInterfaceIsTracedWithTheInterfacesAnnotations() {
    assertThat(Couriers.dispatch(new Bike(), "P-1")).isEqualTo("bike-P-1");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("Book Courier");
    assertThat(root(transaction).getOperation()).isEqualTo("shipping.book");
    assertThat(rootData(transaction))
        .containsEntry("parcel.id", "P-1")
        .containsEntry("shipping.tracking_id", "bike-P-1");
  }

  @Test
  void subclassCallingSuperIsOneSpan() {
    assertThat(Couriers.dispatch(new ExpressBike(), "P-2")).isEqualTo("express-bike-P-2");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("shipping.book");
    assertThat(transaction.getSpans()).isEmpty();
  }

  @Test
  void implementationsOwnSpanWinsOnce() {
    Couriers.dispatch(new Van(), "P-3");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo("shipping.book_van");
    assertThat(transaction.getSpans()).isEmpty();
    assertThat(rootData(transaction)).containsEntry("parcel.id", "P-3");
  }

  @Test
  void expectedExceptionOfAnInterfaceMethod() {
    Throwable thrown = catchThrowable(() -> Couriers.dispatch(new Bike(), "far-1"));

    assertThat(thrown).isExactlyInstanceOf(NoCourier.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.UNAVAILABLE);
    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("exception.type", NoCourier.class.getName());
  }

  @Test
  void futureFailingWithAnExpectedException() {
    Throwable thrown = catchThrowable(() -> Couriers.quote(new Bike(), "far-2").join());

    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(thrown.getCause()).isExactlyInstanceOf(NoCourier.class);
    SentryTransaction transaction = sentry.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
    assertThat(root(transaction).getOperation()).isEqualTo("shipping.quote");
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.UNAVAILABLE);
  }

  @Test
  void expectedExceptionOfAPlainMethod() {
    Throwable thrown = catchThrowable(() -> new Archive().fetch("lost-1"));

    assertThat(thrown).isExactlyInstanceOf(Archive.Lost.class);
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("exception.type", Archive.Lost.class.getName())
        .containsEntry("parcel.id", "lost-1");
  }

  @Test
  void excludedMethodRecordsNothingItsNeighbourStillDoes() {
    Archive archive = new Archive();

    assertThat(archive.store("P-4")).isEqualTo("stored P-4");
    assertThat(sentry.transactions()).isEmpty();

    archive.fetch("P-4");
    assertThat(root(sentry.onlyTransaction()).getOperation()).isEqualTo("archive.fetch");
  }
}
