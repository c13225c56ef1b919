package dev.spanwise.seed.checkout;

/** What the checkout button shows: the order, or why there is none. */
public record OrderConfirmation(String orderId, String provider, long totalMinor, String error) {

  static OrderConfirmation failed(String error) {
    return new OrderConfirmation(null, null, 0, error);
  }
}
