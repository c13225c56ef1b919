package dev.spanwise.benchmarks;

/** The un-annotated method: the baseline that records nothing. */
public class PlainPayments implements Payments {

  @Override
  public int charge(String provider, long amount, Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
