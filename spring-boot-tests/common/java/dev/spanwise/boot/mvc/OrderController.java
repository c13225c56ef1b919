package dev.spanwise.boot.mvc;

import dev.spanwise.boot.mvc.Orders.Order;
import dev.spanwise.boot.mvc.Orders.OrderNotFound;
import dev.spanwise.boot.mvc.Orders.Quote;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

  private final Orders orders;
  private final Stockroom stockroom;

  OrderController(Orders orders, Stockroom stockroom) {
    this.orders = orders;
    this.stockroom = stockroom;
  }

  /** Through a port whose {@code @Span} is on the interface; a missing item is expected. */
  @GetMapping("/stock/{sku}")
  int stock(@PathVariable String sku) {
    return stockroom.count(sku);
  }

  @GetMapping("/orders/{id}")
  Order order(@PathVariable String id) {
    return orders.find(id);
  }

  /** The {@code @Span} method's own future: Spring MVC answers when it completes. */
  @GetMapping("/quotes/{currency}")
  CompletableFuture<Quote> quote(@PathVariable String currency) {
    return orders.quote(currency);
  }

  /** A stage the caller derived from the {@code @Span} method's future. */
  @GetMapping("/quotes/{currency}/label")
  CompletableFuture<String> label(@PathVariable String currency) {
    return orders.quote(currency).thenApply(quote -> quote.currency() + " " + quote.totalMinor());
  }

  @ExceptionHandler(OrderNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound(OrderNotFound e) {
    return e.getMessage();
  }

  @ExceptionHandler(Stockroom.ItemNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String itemNotFound(Stockroom.ItemNotFound e) {
    return e.getMessage();
  }
}
