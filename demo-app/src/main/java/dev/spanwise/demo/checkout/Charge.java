package dev.spanwise.demo.checkout;

/** What a payment provider answered: who charged, and {@code success} or {@code failed}. */
public record Charge(String provider, String status) {

  public boolean succeeded() {
    return status.equals("success");
  }
}
