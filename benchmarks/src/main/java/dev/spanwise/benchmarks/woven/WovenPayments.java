package dev.spanwise.benchmarks.woven;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;

/** Woven by ajc at build time, compiled with the processor, which only checks. */
public class WovenPayments implements Payments {

  @Override
  @Span(op = Payments.OP, name = Payments.NAME)
  public int charge(
      @SpanAttribute("payment.provider") String provider,
      @SpanAttribute("payment.amount") long amount,
      @SpanAttribute(value = "cart.item_count", path = "items.size") Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
