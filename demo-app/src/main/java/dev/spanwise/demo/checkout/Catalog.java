package dev.spanwise.demo.checkout;

import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Crash Commerce's products and their prices in cents. */
@Component
public class Catalog {

  private static final Map<String, Long> PRICES_MINOR =
      Map.of(
          "crash-tee", 2_500L,
          "stacktrace-mug", 1_200L,
          "null-pointer-hoodie", 5_500L,
          "espresso-machine", 49_900L);

  /** Returns the price of {@code productId} in cents, or nothing for an unknown product. */
  public Optional<Long> priceMinor(String productId) {
    return Optional.ofNullable(productId == null ? null : PRICES_MINOR.get(productId));
  }
}
