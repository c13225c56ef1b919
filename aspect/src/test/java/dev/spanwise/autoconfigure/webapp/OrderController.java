package dev.spanwise.autoconfigure.webapp;

import dev.spanwise.autoconfigure.webapp.OrderService.Order;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping("/orders/{id}")
  Order order(@PathVariable String id) {
    return orders.find(id);
  }
}
