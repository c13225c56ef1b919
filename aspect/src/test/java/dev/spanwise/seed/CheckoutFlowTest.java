package dev.spanwise.seed;

import static dev.spanwise.seed.SeedTraces.inServerTransaction;
import static dev.spanwise.testing.CapturedSpans.childrenOf;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.seed.checkout.CartLine;
import dev.spanwise.seed.checkout.CheckoutApi;
import dev.spanwise.seed.checkout.CheckoutButton;
import dev.spanwise.seed.checkout.CheckoutRequest;
import dev.spanwise.seed.checkout.CheckoutResponse;
import dev.spanwise.seed.checkout.OrderConfirmation;
import dev.spanwise.seed.checkout.PaymentGateway;
import dev.spanwise.testing.SentryCapture;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's e-commerce checkout: the React handler and the {@code /api/checkout} backend. */
class CheckoutFlowTest {

  private static final List<CartLine> TWO_TEES_ONE_MUG =
      List.of(new CartLine("tee", 2), new CartLine("mug", 1));

  private SentryCapture sentry;
  private boolean inventoryReserved = true;
  private String paypalOutcome = "success";
  private CheckoutApi api;

  @BeforeEach
  void start() {
    sentry = SentryCapture.start();
    PaymentGateway payments =
        new PaymentGateway(provider -> provider.equals("paypal") ? paypalOutcome : "success");
    api = new CheckoutApi(() -> inventoryReserved, payments, () -> "ord_7f3a");
  }

  @AfterEach
  void close() {
    sentry.close();
  }

  @Test
  void successfulOrderRecordsResultAttributesOnOrderSpanAndStatusOnPaymentSpan() {
    CheckoutResponse response =
        inServerTransaction(
            "POST /api/checkout",
            () -> api.checkout(new CheckoutRequest(TWO_TEES_ONE_MUG, "paypal")));

    assertThat(response).isEqualTo(new CheckoutResponse(200, "ord_7f3a", "paypal", null));
    SentryTransaction transaction = sentry.onlyTransaction();
    SentrySpan order = onlyWithOp(transaction, "commerce.order.server");
    assertThat(order.getDescription()).isEqualTo("Order Processing");
    assertThat(order.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(order.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(order))
        .containsEntry("order.id", "ord_7f3a")
        .containsEntry("payment.provider", "paypal")
        .containsEntry("payment.status", "success")
        .containsEntry("inventory.reserved", true);

    SentrySpan payment = onlyWithOp(transaction, "commerce.payment");
    assertThat(payment.getDescription()).isEqualTo("Charge Payment Provider");
    assertThat(payment.getParentSpanId()).isEqualTo(order.getSpanId());
    assertThat(payment.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(payment))
        .containsEntry("payment.provider", "paypal")
        .containsEntry("payment.status", "success");
  }

  @Test
  void emptyCartIsA400WithFailedPaymentStatusAndNoPaymentSpan() {
    CheckoutResponse response =
        inServerTransaction(
            "POST /api/checkout", () -> api.checkout(new CheckoutRequest(List.of(), "stripe")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("Cart is empty");
    SentryTransaction transaction = sentry.onlyTransaction();
    SentrySpan order = onlyWithOp(transaction, "commerce.order.server");
    assertThat(data(order))
        .containsEntry("payment.status", "failed")
        .containsEntry("inventory.reserved", false)
        // The response carries neither: nothing read from the result, and no error either.
        .doesNotContainKeys("order.id", "payment.provider", "spanwise.error.order.id");
    // The seed leaves a validation 400 with the default status; only the 402 is marked failed.
    assertThat(order.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(withOp(transaction, "commerce.payment")).isEmpty();
  }

  @Test
  void unknownProductIsA400LikeTheEmptyCart() {
    CheckoutResponse response =
        inServerTransaction(
            "POST /api/checkout",
            () -> api.checkout(new CheckoutRequest(List.of(new CartLine("sofa", 1)), "stripe")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.error()).isEqualTo("Invalid cart item");
    SentrySpan order = onlyWithOp(sentry.onlyTransaction(), "commerce.order.server");
    assertThat(data(order))
        .containsEntry("payment.status", "failed")
        .containsEntry("inventory.reserved", false);
  }

  @Test
  void declinedPaymentIsA402ThatMarksTheOrderSpanFailedWithoutAnException() {
    paypalOutcome = "failed";

    CheckoutResponse response =
        inServerTransaction(
            "POST /api/checkout",
            () -> api.checkout(new CheckoutRequest(TWO_TEES_ONE_MUG, "paypal")));

    assertThat(response.status()).isEqualTo(402);
    SentryTransaction transaction = sentry.onlyTransaction();
    SentrySpan order = onlyWithOp(transaction, "commerce.order.server");
    assertThat(order.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(order))
        .containsEntry("payment.provider", "paypal")
        .containsEntry("payment.status", "failed")
        .containsEntry("inventory.reserved", true)
        .doesNotContainKey("order.id");
    SentrySpan payment = onlyWithOp(transaction, "commerce.payment");
    assertThat(payment.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(payment)).containsEntry("payment.status", "failed");
    // Returned, not thrown: the transaction is the only thing sent, no error event.
    assertThat(sentry.envelopes()).hasSize(1);
  }

  @Test
  void unreservedInventoryIsA402Too() {
    inventoryReserved = false;

    CheckoutResponse response =
        inServerTransaction(
            "POST /api/checkout",
            () -> api.checkout(new CheckoutRequest(TWO_TEES_ONE_MUG, "adyen")));

    assertThat(response.status()).isEqualTo(402);
    SentrySpan order = onlyWithOp(sentry.onlyTransaction(), "commerce.order.server");
    assertThat(order.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(order))
        .containsEntry("payment.provider", "adyen")
        .containsEntry("payment.status", "failed")
        .containsEntry("inventory.reserved", false);
  }

  @Test
  void checkoutButtonIsTheRootAndReadsOrderFromTheResponse() {
    OrderConfirmation confirmation =
        new CheckoutButton(api).onCheckout(3, 6200, "stripe", TWO_TEES_ONE_MUG);

    assertThat(confirmation.orderId()).isEqualTo("ord_7f3a");
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(transaction.getTransaction()).isEqualTo("Checkout");
    assertThat(root(transaction).getOperation()).isEqualTo("ui.action");
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.OK);
    Map<String, Object> data = rootData(transaction);
    assertThat(data)
        .containsEntry("cart.item_count", 3)
        .containsEntry("cart.value_minor", 6200)
        .containsEntry("cart.currency", "USD")
        .containsEntry("payment.provider.ui_selected", "stripe")
        .containsEntry("order.id", "ord_7f3a")
        .containsEntry("payment.provider", "stripe");
    assertThat(data.get("cart.item_count")).isInstanceOf(Integer.class);

    SentrySpan order = onlyWithOp(transaction, "commerce.order.server");
    assertThat(order.getParentSpanId()).isEqualTo(root(transaction).getSpanId());
    assertThat(childrenOf(transaction, order.getSpanId().toString()))
        .extracting(SentrySpan::getOp)
        .containsExactly("commerce.payment");
  }

  @Test
  void checkoutButtonMarksItsSpanFailedAndRecordsNoOrderWhenTheBackendRefuses() {
    OrderConfirmation confirmation =
        new CheckoutButton(api).onCheckout(0, 0, "stripe", List.of());

    assertThat(confirmation.error()).isEqualTo("Cart is empty");
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(rootData(transaction))
        .containsEntry("cart.item_count", 0)
        .doesNotContainKeys("order.id", "payment.provider");
  }
}
