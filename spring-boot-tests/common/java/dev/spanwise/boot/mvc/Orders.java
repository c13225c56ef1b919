package dev.spanwise.boot.mvc;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/** The traced service: one plain, one asynchronous {@code @Span} method. */
@Service
public class Orders {

  /** Completes the quotes on another thread a little later, as a remote call would. */
  private static final Executor LATER = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);

  @Span(op = "commerce.order.lookup", name = "Find Order")
  @ResultAttribute(value = "order.total_minor", path = "totalMinor")
  public Order find(@SpanAttribute("order.id") String id) {
    if (id.startsWith("missing")) {
      throw new OrderNotFound(id);
    }
    return new Order(id, 100L * id.length());
  }

  @Span(op = "commerce.quote", name = "Quote Order")
  @ResultAttribute(value = "quote.total_minor", path = "totalMinor")
  public CompletableFuture<Quote> quote(@SpanAttribute("quote.currency") String currency) {
    return CompletableFuture.supplyAsync(() -> new Quote(currency, 1250), LATER);
  }

  /** An order, returned as JSON. */
  public record Order(String id, long totalMinor) {}

  /** A price quote, returned as JSON. */
  public record Quote(String currency, long totalMinor) {}

  /** No such order: the controller answers 404. */
  public static final class OrderNotFound extends RuntimeException {
    OrderNotFound(String id) {
      super("no order " + id);
    }
  }
}
