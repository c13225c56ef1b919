package dev.spanwise.seed.checkout;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.List;

/**
 * The seed's React checkout click handler, as a Java client (a desktop or Android app) would write
 * it. The backend call stands for {@code fetch('/api/checkout')}.
 */
public class CheckoutButton {

  private final CheckoutApi api;

  public CheckoutButton(CheckoutApi api) {
    this.api = api;
  }

  // Seed: span.setAttribute('order.id', data.orderId) and ('payment.provider', data.paymentProvider)
  // from the response: @ResultAttribute, recorded only when the handler returns normally.
  @Span(op = "ui.action", name = "Checkout")
  @ResultAttribute(value = "order.id", path = "orderId")
  @ResultAttribute(value = "payment.provider", path = "provider")
  public OrderConfirmation onCheckout(
      @SpanAttribute("cart.item_count") int cartCount,
      @SpanAttribute("cart.value_minor") long cartValueMinor,
      @SpanAttribute("payment.provider.ui_selected") String paymentProvider,
      List<CartLine> cart) {
    Spans.current().attribute("cart.currency", "USD");
    CheckoutResponse response = api.checkout(new CheckoutRequest(cart, paymentProvider));
    if (!response.isOk()) {
      // Seed: throw, then in catch span.setStatus(internal_error); the handler does not rethrow.
      Spans.current().fail();
      return OrderConfirmation.failed(response.error());
    }
    return new OrderConfirmation(
        response.orderId(), response.paymentProvider(), cartValueMinor, null);
  }
}
