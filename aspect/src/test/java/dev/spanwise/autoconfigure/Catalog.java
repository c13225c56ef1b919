package dev.spanwise.autoconfigure;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.concurrent.CompletableFuture;

/** A port whose annotations are on the interface; its beans implement it without any. */
public interface Catalog {

  @Span(op = "catalog.find")
  @ResultAttribute(value = "product.name_length", path = "length")
  @ExpectedException(value = NotListed.class, status = "not_found")
  String find(@SpanAttribute("product.id") String id);

  @Span(op = "catalog.find_later")
  @ExpectedException(value = NotListed.class, status = "not_found")
  CompletableFuture<String> findLater(@SpanAttribute("product.id") String id);

  /** Not annotated: not traced. */
  int size();

  /** The bean without annotations of its own. */
  class JdbcCatalog implements Catalog {

    @Override
    public String find(String id) {
      if (id.startsWith("gone")) {
        throw new NotListed(id);
      }
      return "product " + id;
    }

    @Override
    public CompletableFuture<String> findLater(String id) {
      return CompletableFuture.supplyAsync(() -> find(id));
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** A bean whose own {@code @Span} wins over the interface's. */
  class OwnSpanCatalog implements Catalog {

    @Override
    @Span(op = "catalog.own")
    public String find(String id) {
      return id;
    }

    @Override
    public CompletableFuture<String> findLater(String id) {
      return CompletableFuture.completedFuture(id);
    }

    @Override
    public int size() {
      return 0;
    }
  }

  /** No such product: an expected outcome. */
  class NotListed extends RuntimeException {
    NotListed(String id) {
      super("not listed: " + id);
    }
  }
}
