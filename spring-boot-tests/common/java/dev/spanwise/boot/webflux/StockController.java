package dev.spanwise.boot.webflux;

import dev.spanwise.boot.webflux.Stock.Level;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class StockController {

  private final Stock stock;

  StockController(Stock stock) {
    this.stock = stock;
  }

  @GetMapping("/stock/{sku}")
  Mono<Level> level(@PathVariable String sku) {
    return stock.check(sku);
  }
}
