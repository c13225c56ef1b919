package dev.spanwise.demo.checkout;

import dev.spanwise.SpanHandle;
import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The seed's checkout handler: validates the cart, reserves inventory, charges the provider. The
 * attributes of a placed order come from the result; those of an early return are set where it is
 * decided.
 */
@Service
public class OrderService {

  static final List<String> PAYMENT_PROVIDERS = List.of("stripe", "paypal", "adyen");

  private final Catalog catalog;
  private final Inventory inventory;
  private final PaymentGateway payments;

  public OrderService(Catalog catalog, Inventory inventory, PaymentGateway payments) {
    this.catalog = catalog;
    this.inventory = inventory;
    this.payments = payments;
  }

  // Seed: span.setAttribute('order.id', ...) and ('payment.provider', charge.provider) right before
  // res.json({ orderId, paymentProvider }): read here from the returned result, which has neither
  // on a refusal (null values are left out).
  @Span(op = "commerce.order.server", name = "Order Processing")
  @ResultAttribute(value = "order.id", path = "orderId")
  @ResultAttribute(value = "payment.provider", path = "paymentProvider")
  public CheckoutResult checkout(CheckoutRequest request) {
    SpanHandle span = Spans.current();
    List<CheckoutRequest.Line> items = request.items() == null ? List.of() : request.items();
    // The seed picks a provider at random when the requested one is unknown; the first is enough.
    String provider =
        PAYMENT_PROVIDERS.contains(request.paymentProvider())
            ? request.paymentProvider()
            : PAYMENT_PROVIDERS.get(0);

    if (items.isEmpty()) {
      span.attribute("payment.status", "failed").attribute("inventory.reserved", false);
      return CheckoutResult.refused(400, "Cart is empty");
    }
    long totalMinor = 0;
    for (CheckoutRequest.Line line : items) {
      Optional<Long> price = catalog.priceMinor(line.productId());
      if (price.isEmpty() || line.quantity() <= 0) {
        span.attribute("payment.status", "failed").attribute("inventory.reserved", false);
        return CheckoutResult.refused(400, "Invalid cart item");
      }
      totalMinor += price.get() * line.quantity();
    }

    boolean reserved = inventory.reserve();
    Charge charge = payments.charge(provider, totalMinor);
    if (!charge.succeeded() || !reserved) {
      span.attribute("payment.provider", charge.provider())
          .attribute("payment.status", "failed")
          .attribute("inventory.reserved", reserved)
          // A 402 is an answer, not an exception: the span is marked failed all the same.
          .fail();
      return CheckoutResult.refused(402, "Payment failed");
    }
    span.attribute("payment.status", "success").attribute("inventory.reserved", true);
    return CheckoutResult.ordered("ord_" + UUID.randomUUID().toString().substring(0, 8), provider);
  }
}
