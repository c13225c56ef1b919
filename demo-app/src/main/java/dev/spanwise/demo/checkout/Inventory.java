package dev.spanwise.demo.checkout;

import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The seed's inventory reservation, {@code Math.random() < 0.8}: a seeded generator and a rate,
 * so every run of the demo reserves the same orders.
 */
@Component
public class Inventory {

  private final RandomGenerator random;
  private final double reservationRate;

  public Inventory(
      @Value("${demo.random-seed}") long seed,
      @Value("${crash-commerce.inventory.reservation-rate}") double reservationRate) {
    this.random = new Random(seed);
    this.reservationRate = reservationRate;
  }

  /** Returns whether the items of an order could be reserved. */
  public synchronized boolean reserve() {
    return random.nextDouble() < reservationRate;
  }
}
