package dev.spanwise.benchmarks;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/** The same span written by hand with OpenTelemetry's API: {@code @WithSpan}'s own floor. */
public class HandWrittenOtelPayments implements Payments {

  private final Tracer tracer;

  public HandWrittenOtelPayments(Tracer tracer) {
    this.tracer = tracer;
  }

  @Override
  public int charge(String provider, long amount, Cart cart) {
    Span span =
        tracer
            .spanBuilder(NAME)
            .setAttribute("payment.provider", provider)
            .setAttribute("payment.amount", amount)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      span.setAttribute("cart.item_count", cart.items().size());
      return Payments.work(provider, amount, cart);
    } catch (RuntimeException | Error e) {
      span.setStatus(StatusCode.ERROR);
      span.recordException(e);
      throw e;
    } finally {
      span.end();
    }
  }
}
