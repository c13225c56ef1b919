package dev.spanwise.demo.checkout;

/**
 * What the checkout decided: an order ({@code orderId}, {@code paymentProvider}) or an HTTP error
 * status and message.
 */
public record CheckoutResult(int status, String orderId, String paymentProvider, String error) {

  static CheckoutResult ordered(String orderId, String paymentProvider) {
    return new CheckoutResult(200, orderId, paymentProvider, null);
  }

  static CheckoutResult refused(int status, String error) {
    return new CheckoutResult(status, null, null, error);
  }
}
