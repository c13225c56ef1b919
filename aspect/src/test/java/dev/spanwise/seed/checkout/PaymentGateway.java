package dev.spanwise.seed.checkout;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.function.Function;

/** The seed's "Charge Payment Provider" span around {@code fakeCharge}. */
public class PaymentGateway {

  private final Function<String, String> outcomeByProvider;

  /** {@code outcomeByProvider} stands for the provider's answer: "success" or "failed". */
  public PaymentGateway(Function<String, String> outcomeByProvider) {
    this.outcomeByProvider = outcomeByProvider;
  }

  // Seed: paymentSpan.setAttribute('payment.status', result.status) after the charge.
  @Span(op = "commerce.payment", name = "Charge Payment Provider")
  @ResultAttribute(value = "payment.status", path = "status")
  public Charge charge(@SpanAttribute("payment.provider") String provider, long totalMinor) {
    return new Charge(provider, outcomeByProvider.apply(provider));
  }
}
