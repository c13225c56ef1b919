package dev.spanwise.demo.client;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Crash Commerce's checkout button: the seed's React click handler, in Java. */
@Component
public class CheckoutButton {

  private final ApiClient api;

  public CheckoutButton(ApiClient api) {
    this.api = api;
  }

  // Seed: span.setAttribute('order.id', data.orderId) and ('payment.provider',
  // data.paymentProvider) once the response is in: read here from the confirmation, which has
  // neither when the order was refused.
  @Span(op = "ui.action", name = "Checkout")
  @ResultAttribute(value = "order.id", path = "orderId")
  @ResultAttribute(value = "payment.provider", path = "provider")
  public OrderConfirmation checkout(
      @SpanAttribute(value = "cart.item_count", path = "itemCount")
      @SpanAttribute(value = "cart.value_minor", path = "valueMinor")
      Cart cart,
      @SpanAttribute("payment.provider.ui_selected") String paymentProvider) {
    Spans.current().attribute("cart.currency", "USD");
    List<Map<String, Object>> items =
        cart.items().stream()
            .map(item -> Map.<String, Object>of("productId", item.productId(), "quantity", item.quantity()))
            .toList();
    ApiResponse response =
        api.post("/api/checkout", Map.of("items", items, "paymentProvider", paymentProvider));
    if (!response.isOk()) {
      // Seed: throw, then span.setStatus(internal_error) in the catch; the handler does not rethrow.
      Spans.current().fail();
      return new OrderConfirmation(response.status(), null, null, 0, response.error());
    }
    return new OrderConfirmation(
        response.status(),
        response.text("orderId"),
        response.text("paymentProvider"),
        cart.valueMinor(),
        null);
  }
}
