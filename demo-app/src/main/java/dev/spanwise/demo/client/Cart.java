package dev.spanwise.demo.client;

import java.util.List;

/** The shopper's cart as the client shows it: products, quantities, and the prices it displays. */
public record Cart(List<Item> items) {

  /** One cart line; {@code unitPriceMinor} in cents, as shown next to the product. */
  public record Item(String productId, int quantity, long unitPriceMinor) {}

  public static Cart of(Item... items) {
    return new Cart(List.of(items));
  }

  /** Returns how many items the cart holds, the seed's {@code cartCount}. */
  public int itemCount() {
    return items.stream().mapToInt(Item::quantity).sum();
  }

  /** Returns the cart's value in cents, the seed's {@code cartValueMinor}. */
  public long valueMinor() {
    return items.stream().mapToLong(item -> item.quantity() * item.unitPriceMinor()).sum();
  }
}
