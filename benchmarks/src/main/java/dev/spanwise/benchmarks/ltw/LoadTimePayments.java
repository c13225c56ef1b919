package dev.spanwise.benchmarks.ltw;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;

/**
 * Not woven at build time: the load-time weaver ({@code -javaagent:aspectjweaver.jar} and the
 * aspect's {@code META-INF/aop.xml}) weaves it when the benchmark's JVM loads it.
 */
public class LoadTimePayments implements Payments {

  @Override
  @Span(op = Payments.OP, name = Payments.NAME)
  public int charge(
      @SpanAttribute("payment.provider") String provider,
      @SpanAttribute("payment.amount") long amount,
      @SpanAttribute(value = "cart.item_count", path = "items.size") Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
