package dev.spanwise.boot.webflux;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.time.Duration;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The traced reactive service. */
@Service
public class Stock {

  @Span(op = "commerce.stock.check", name = "Check Stock")
  @ResultAttribute(value = "stock.available", path = "available")
  public Mono<Level> check(@SpanAttribute("product.sku") String sku) {
    // Completes on a timer thread, as a reactive driver's reply would.
    return Mono.fromSupplier(() -> new Level(sku, 7)).delayElement(Duration.ofMillis(5));
  }

  /** A stock level, returned as JSON. */
  public record Level(String sku, int available) {}
}
