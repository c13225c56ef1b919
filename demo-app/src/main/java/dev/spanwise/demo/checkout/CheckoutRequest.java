package dev.spanwise.demo.checkout;

import java.util.List;

/**
 * The body of {@code POST /api/checkout}: {@code { items: [{ productId, quantity }],
 * paymentProvider }}.
 */
public record CheckoutRequest(List<Line> items, String paymentProvider) {

  /** One cart line. */
  public record Line(String productId, int quantity) {}
}
