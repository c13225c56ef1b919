package dev.spanwise.benchmarks;

/**
 * The traced method of every benchmark, one implementation per mechanism: two plain attributes
 * ({@code payment.provider}, {@code payment.amount}) and one path attribute ({@code
 * cart.item_count} from {@code cart.items().size()}).
 */
public interface Payments {

  /** The span's op, for the hand-written equivalents. */
  String OP = "commerce.payment";

  /** The span's description. */
  String NAME = "Charge Payment Provider";

  /** The work inside the span: small, so that what is measured is the tracing around it. */
  int charge(String provider, long amount, Cart cart);

  /** The method's own body, shared by every implementation. */
  static int work(String provider, long amount, Cart cart) {
    return provider.length() + (int) amount + cart.items().size();
  }
}
