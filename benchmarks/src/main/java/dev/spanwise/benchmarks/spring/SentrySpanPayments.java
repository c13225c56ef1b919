package dev.spanwise.benchmarks.spring;

import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;
import io.sentry.spring7.tracing.SentrySpan;

/**
 * A Spring bean under Sentry's own {@code @SentrySpan}. The annotation records no attributes, and
 * its advice does not make the span current (so the method cannot add them through {@code
 * Sentry.getSpan()} either): the span carries op and description only.
 */
public class SentrySpanPayments implements Payments {

  @Override
  @SentrySpan(operation = Payments.OP, description = Payments.NAME)
  public int charge(String provider, long amount, Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
