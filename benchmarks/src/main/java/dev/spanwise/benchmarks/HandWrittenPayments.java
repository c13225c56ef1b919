package dev.spanwise.benchmarks;

import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.Sentry;
import io.sentry.SpanOptions;
import io.sentry.SpanStatus;

/**
 * The same span written by hand with Sentry's API: the floor no annotation can beat while doing the
 * same work. It records what Spanwise records (op, description, origin, the three attributes,
 * status, the span current during the call), the way a careful hand would write it.
 */
public class HandWrittenPayments implements Payments {

  private static final String ORIGIN = "manual";

  @Override
  public int charge(String provider, long amount, Cart cart) {
    ISpan parent = Sentry.getSpan();
    if (parent == null) {
      return Payments.work(provider, amount, cart);
    }
    SpanOptions options = new SpanOptions();
    options.setOrigin(ORIGIN);
    ISpan span = parent.startChild(OP, NAME, options);
    span.setData("payment.provider", provider);
    span.setData("payment.amount", amount);
    span.setData("cart.item_count", cart.items().size());
    try (ISentryLifecycleToken ignored = span.makeCurrent()) {
      int result = Payments.work(provider, amount, cart);
      span.setStatus(SpanStatus.OK);
      return result;
    } catch (RuntimeException | Error e) {
      span.setThrowable(e);
      span.setStatus(SpanStatus.INTERNAL_ERROR);
      throw e;
    } finally {
      span.finish();
    }
  }

  /**
   * What Sentry's {@code SentrySpanAdvice} does around a {@code @SentrySpan} method, by hand: a
   * child span with op and description, status, finish. It records no attributes and does not make
   * the span current (the advice does neither), so this is {@code @SentrySpan}'s own floor.
   */
  public int chargeLikeSentrySpan(String provider, long amount, Cart cart) {
    ISpan parent = Sentry.getSpan();
    if (parent == null || parent.isNoOp()) {
      return Payments.work(provider, amount, cart);
    }
    SpanOptions options = new SpanOptions();
    options.setOrigin(ORIGIN);
    ISpan span = parent.startChild(OP, NAME, options);
    try {
      int result = Payments.work(provider, amount, cart);
      span.setStatus(SpanStatus.OK);
      return result;
    } catch (RuntimeException | Error e) {
      span.setStatus(SpanStatus.INTERNAL_ERROR);
      span.setThrowable(e);
      throw e;
    } finally {
      span.finish();
    }
  }
}
