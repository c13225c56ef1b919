package dev.spanwise.seed.checkout;

import dev.spanwise.SpanHandle;
import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The seed's {@code app.post('/api/checkout', ...)} handler with Spanwise: the span and the
 * attributes of a successful order are declared, those decided on an early return are set through
 * {@link Spans#current()}.
 */
public class CheckoutApi {

  static final List<String> PAYMENT_PROVIDERS = List.of("stripe", "paypal", "adyen");
  static final Map<String, Long> PRICES_MINOR = Map.of("tee", 2500L, "mug", 1200L);

  private final BooleanSupplier reserveInventory;
  private final PaymentGateway payments;
  private final Supplier<String> orderIds;

  /**
   * {@code reserveInventory} stands for the seed's {@code Math.random() < 0.8}, {@code orderIds}
   * for {@code randomId()}.
   */
  public CheckoutApi(
      BooleanSupplier reserveInventory, PaymentGateway payments, Supplier<String> orderIds) {
    this.reserveInventory = reserveInventory;
    this.payments = payments;
    this.orderIds = orderIds;
  }

  // Seed: span.setAttribute('order.id', orderId) and ('payment.provider', charge.provider) before
  // res.json({ orderId, paymentProvider }): here read from what the handler returns.
  @Span(op = "commerce.order.server", name = "Order Processing")
  @ResultAttribute(value = "order.id", path = "orderId")
  @ResultAttribute(value = "payment.provider", path = "paymentProvider")
  public CheckoutResponse checkout(CheckoutRequest request) {
    SpanHandle span = Spans.current();
    List<CartLine> items = request.items() == null ? List.of() : request.items();
    String provider =
        PAYMENT_PROVIDERS.contains(request.paymentProvider())
            ? request.paymentProvider()
            : PAYMENT_PROVIDERS.get(0);

    if (items.isEmpty()) {
      span.attribute("payment.status", "failed").attribute("inventory.reserved", false);
      return CheckoutResponse.error(400, "Cart is empty");
    }

    long totalMinor = 0;
    for (CartLine line : items) {
      Long priceMinor = PRICES_MINOR.get(line.productId());
      if (priceMinor == null || line.quantity() <= 0) {
        span.attribute("payment.status", "failed").attribute("inventory.reserved", false);
        return CheckoutResponse.error(400, "Invalid cart item");
      }
      totalMinor += priceMinor * line.quantity();
    }

    boolean reserved = reserveInventory.getAsBoolean();
    Charge charge = payments.charge(provider, totalMinor);

    if (charge.status().equals("failed") || !reserved) {
      span.attribute("payment.provider", charge.provider())
          .attribute("payment.status", "failed")
          .attribute("inventory.reserved", reserved)
          // A 402 is returned, not thrown: the span is marked failed all the same.
          .fail();
      return CheckoutResponse.error(402, "Payment failed");
    }

    span.attribute("payment.status", "success").attribute("inventory.reserved", reserved);
    return CheckoutResponse.ok(orderIds.get(), charge.provider());
  }
}
