package dev.spanwise.boot.mvc;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import org.springframework.stereotype.Service;

/**
 * A port with its annotations on the interface; its bean implements it with none. A missing item
 * is an expected outcome: the controller answers 404, and the span ends {@code not_found}.
 */
public interface Stockroom {

  @Span(op = "inventory.check", name = "Check Stock")
  @ExpectedException(value = ItemNotFound.class, status = "not_found")
  int count(@SpanAttribute("inventory.sku") String sku);

  /** The bean: no annotations of its own. */
  @Service
  class ShelfStockroom implements Stockroom {

    @Override
    public int count(String sku) {
      if (sku.startsWith("gone")) {
        throw new ItemNotFound(sku);
      }
      return sku.length();
    }
  }

  /** No such item: the controller answers 404. */
  final class ItemNotFound extends RuntimeException {
    ItemNotFound(String sku) {
      super("no item " + sku);
    }
  }
}
