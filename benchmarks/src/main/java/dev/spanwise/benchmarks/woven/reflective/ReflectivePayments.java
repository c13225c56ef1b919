package dev.spanwise.benchmarks.woven.reflective;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;

/**
 * Woven by ajc at build time but compiled without the processor (see the module's pom), so the
 * aspect reads the attributes by reflection: the fallback.
 */
public class ReflectivePayments implements Payments {

  @Override
  @Span(op = Payments.OP, name = Payments.NAME)
  public int charge(
      @SpanAttribute("payment.provider") String provider,
      @SpanAttribute("payment.amount") long amount,
      @SpanAttribute(value = "cart.item_count", path = "items.size") Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
