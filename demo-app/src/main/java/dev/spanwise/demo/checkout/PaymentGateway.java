package dev.spanwise.demo.checkout;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The seed's {@code fakeCharge}: every provider accepts a charge up to the card limit and declines
 * a bigger one, which is how the demo gets its 402.
 */
@Service
public class PaymentGateway {

  private final long cardLimitMinor;

  public PaymentGateway(@Value("${crash-commerce.payment.card-limit-minor}") long cardLimitMinor) {
    this.cardLimitMinor = cardLimitMinor;
  }

  // Seed: paymentSpan.setAttribute('payment.status', result.status) once the charge answered.
  @Span(op = "commerce.payment", name = "Charge Payment Provider")
  @ResultAttribute(value = "payment.status", path = "status")
  public Charge charge(@SpanAttribute("payment.provider") String provider, long totalMinor) {
    return new Charge(provider, totalMinor <= cardLimitMinor ? "success" : "failed");
  }
}
