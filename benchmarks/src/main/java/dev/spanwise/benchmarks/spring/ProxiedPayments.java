package dev.spanwise.benchmarks.spring;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;

/** A Spring bean traced through Spanwise's auto-configuration (a proxy). */
public class ProxiedPayments implements Payments {

  @Override
  @Span(op = Payments.OP, name = Payments.NAME)
  public int charge(
      @SpanAttribute("payment.provider") String provider,
      @SpanAttribute("payment.amount") long amount,
      @SpanAttribute(value = "cart.item_count", path = "items.size") Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
