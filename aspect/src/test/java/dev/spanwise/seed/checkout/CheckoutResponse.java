package dev.spanwise.seed.checkout;

/**
 * What {@code POST /api/checkout} answers: the HTTP status and the JSON body's fields ({@code {
 * orderId, paymentProvider }} or {@code { error }}).
 */
public record CheckoutResponse(int status, String orderId, String paymentProvider, String error) {

  static CheckoutResponse ok(String orderId, String paymentProvider) {
    return new CheckoutResponse(200, orderId, paymentProvider, null);
  }

  static CheckoutResponse error(int status, String error) {
    return new CheckoutResponse(status, null, null, error);
  }

  public boolean isOk() {
    return status == 200;
  }
}
