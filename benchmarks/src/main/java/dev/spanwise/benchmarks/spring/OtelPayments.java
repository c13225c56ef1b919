package dev.spanwise.benchmarks.spring;

import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * A Spring bean under OpenTelemetry's {@code @WithSpan}, applied by the Spring Boot starter's
 * aspect. {@code @SpanAttribute} has no path, so the third attribute is set in the body.
 */
public class OtelPayments implements Payments {

  @Override
  @WithSpan(Payments.NAME)
  public int charge(
      @SpanAttribute("payment.provider") String provider,
      @SpanAttribute("payment.amount") long amount,
      Cart cart) {
    Span.current().setAttribute("cart.item_count", cart.items().size());
    return Payments.work(provider, amount, cart);
  }
}
