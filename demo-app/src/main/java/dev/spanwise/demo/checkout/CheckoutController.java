package dev.spanwise.demo.checkout;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/checkout}: 200 {@code { orderId, paymentProvider }}, or 400/402 {@code { error }}. */
@RestController
public class CheckoutController {

  private final OrderService orders;

  public CheckoutController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping("/api/checkout")
  public ResponseEntity<Map<String, String>> checkout(@RequestBody CheckoutRequest request) {
    CheckoutResult result = orders.checkout(request);
    if (result.status() != 200) {
      return ResponseEntity.status(result.status()).body(Map.of("error", result.error()));
    }
    return ResponseEntity.ok(
        Map.of("orderId", result.orderId(), "paymentProvider", result.paymentProvider()));
  }
}
