package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.generated.Shipping;
import dev.spanwise.aspect.generated.Shipping.Address;
import dev.spanwise.aspect.generated.Shipping.Parcel;
import dev.spanwise.binding.MethodBinder;
import dev.spanwise.binding.SpanBindings;
import dev.spanwise.testing.SentryCapture;
import io.sentry.protocol.SentryTransaction;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A class compiled with spanwise-processor is read by its generated binder, not reflectively. */
class GeneratedBindingsUsedTest {

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
  void aspectUsesTheGeneratedBinderWhenItExists() throws Exception {
    Method book = Shipping.class.getMethod("book", String.class, Parcel.class, Parcel.class);

    MethodBinder binder = SpanPlans.binderFor(book);

    assertThat(binder).isNotInstanceOf(ReflectiveMethodBinder.class);
    assertThat(binder.getClass().getName())
        .isEqualTo(SpanBindings.bindingsClassName(Shipping.class));
    assertThat(binder.readsResult()).isTrue();
  }

  @Test
  void spansReadThroughTheGeneratedBinderCarryTheSameData() {
    Parcel parcel = new Parcel(List.of("a", "b"), new Address("CH"));

    new Shipping().book("dhl", parcel, parcel);

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("Book Shipment");
    assertThat(rootData(transaction))
        .containsEntry("shipping.carrier", "dhl")
        .containsEntry("shipping.item_count", 2)
        .containsEntry("shipping.country", "CH")
        .containsEntry("shipping.tracking_id", "track-dhl");
  }

  @Test
  void aNullOnThePathIsRecordedAsTheReflectiveBinderWould() {
    Parcel noAddress = new Parcel(List.of(), null);

    new Shipping().book("ups", noAddress, noAddress);

    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("shipping.item_count", 0)
        .containsEntry("spanwise.error.shipping.country", "path 'address.country' met null at 'address'")
        .doesNotContainKey("shipping.country");
  }
}
