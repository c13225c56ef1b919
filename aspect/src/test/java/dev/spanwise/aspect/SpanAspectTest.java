package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.aspect.fixtures.Cart;
import dev.spanwise.aspect.fixtures.Checkout;
import dev.spanwise.aspect.fixtures.Checkout.Order;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.TransactionOptions;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpanAspectTest {

  private SentryCapture sentry;
  private final Checkout checkout = new Checkout();

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void callWithoutActiveSpanBecomesTransactionWithNestedChild() {
    Order order = checkout.checkout("stripe", new Cart(List.of("a", "b", "c"), null));

    assertThat(order.orderId()).isEqualTo("order-stripe-3750");
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("Order Processing");
    assertThat(root(transaction).getOperation()).isEqualTo("commerce.order.server");
    assertThat(root(transaction).getOrigin()).isEqualTo("auto.function.spanwise");
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(rootData(transaction))
        .containsEntry("payment.provider", "stripe")
        .containsEntry("cart.item_count", 3)
        .containsEntry("order.id", "order-stripe-3750");

    SentrySpan payment = onlyWithOp(transaction, "commerce.payment");
    assertThat(payment.getDescription()).isEqualTo("Charge Payment Provider");
    assertThat(payment.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(payment.getOrigin()).isEqualTo("auto.function.spanwise");
    assertThat(payment.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(payment))
        .containsEntry("payment.provider", "stripe")
        .containsEntry("payment.amount_minor", 3750);
  }

  @Test
  void callInsideActiveTransactionBecomesItsChildAndIsCurrentDuringTheCall() {
    ITransaction request = Sentry.startTransaction("GET /checkout", "http.server");
    ISpan before;
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      before = Sentry.getSpan();
      checkout.checkout("adyen", new Cart(List.of("a"), null));
      assertThat(Sentry.getSpan()).isSameAs(before);
    }
    request.finish();

    ISpan inside = checkout.spanSeenInside.get();
    assertThat(inside).isNotSameAs(before);
    assertThat(inside.getOperation()).isEqualTo("commerce.order.server");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("GET /checkout");
    SentrySpan order = onlyWithOp(transaction, "commerce.order.server");
    SentrySpan payment = onlyWithOp(transaction, "commerce.payment");
    assertThat(order.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(order.getDescription()).isEqualTo("Order Processing");
    assertThat(payment.getParentSpanId()).isEqualTo(order.getSpanId());
    assertThat(payment.getTraceId()).isEqualTo(root(transaction).getTraceId());
  }

  @Test
  void throwingCallRethrowsTheSameInstanceAndMarksTheSpan() {
    ITransaction request = Sentry.startTransaction("GET /checkout", "http.server");
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      ISpan before = Sentry.getSpan();
      Throwable thrown = catchThrowable(() -> checkout.failingCheckout("stripe"));

      assertThat(thrown).isInstanceOf(Checkout.PaymentDeclined.class);
      assertThat(Sentry.getSpan()).isSameAs(before);
      request.finish();
      SentrySpan span = onlyWithOp(sentry.onlyTransaction(), "commerce.order.server");
      assertThat(span.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
      assertThat(span.getDescription()).isEqualTo("Checkout.failingCheckout");
      assertThat(data(span)).containsEntry("payment.provider", "stripe");
      // Sentry links the throwable to the span for error events; the same instance is kept.
      assertThat(request.getSpans())
          .filteredOn(s -> "commerce.order.server".equals(s.getOperation()))
          .singleElement()
          .satisfies(s -> assertThat(s.getThrowable()).isSameAs(thrown));
    }
  }

  @Test
  void throwingRootLeavesNoActiveSpanBehind() {
    ISpan before = Sentry.getSpan();

    assertThatThrownBy(() -> checkout.failingCheckout("stripe"))
        .isInstanceOf(Checkout.PaymentDeclined.class)
        .hasMessage("card declined by stripe");

    assertThat(Sentry.getSpan()).isSameAs(before).isNull();
    assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
  }

  @Test
  void oneArgumentFeedsEveryRepeatedAttribute() {
    assertThat(checkout.summarize(new Cart(List.of("a", "b"), new Cart.Customer("gold")))).isEqualTo(2);

    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("cart.item_count", 2)
        .containsEntry("customer.tier", "gold");
  }

  @Test
  void nullArgumentIsLeftOut() {
    checkout.checkout(null, new Cart(List.of(), null));

    assertThat(rootData(sentry.onlyTransaction()))
        .doesNotContainKey("payment.provider")
        .containsEntry("cart.item_count", 0);
  }

  @Test
  void getterThatThrowsIsRecordedAndTheCallCompletes() {
    Order order = checkout.checkoutWithCustomer(new Cart(List.of(), new Cart.Customer("broken")));

    assertThat(order.orderId()).isEqualTo("order-1");
    assertThat(rootData(sentry.onlyTransaction()))
        .doesNotContainKey("customer.tier")
        .hasEntrySatisfying(
            "spanwise.error.customer.tier",
            reason ->
                assertThat((String) reason)
                    .contains("'tier' threw")
                    .contains("IllegalStateException: tier lookup failed"));
  }

  @Test
  void pathThatMeetsNullIsRecordedAndTheCallCompletes() {
    checkout.checkoutWithCustomer(new Cart(List.of(), null));

    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry(
            "spanwise.error.customer.tier", "path 'customer.tier' met null at 'customer'");
  }

  @Test
  void pathIsReadOnTheDeclaredTypeEvenForJdkInternalClasses() {
    // List.of returns java.util.ImmutableCollections$ListN, whose size() is not accessible.
    checkout.checkout("stripe", new Cart(List.of("a", "b"), null));

    assertThat(rootData(sentry.onlyTransaction()))
        .containsEntry("cart.item_count", 2)
        .doesNotContainKey("spanwise.error.cart.item_count");
  }
}
