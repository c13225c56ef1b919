package dev.spanwise.autoconfigure.webapp;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import org.springframework.stereotype.Service;

@Service
public class OrderService {

  private final Pricing pricing;

  OrderService(Pricing pricing) {
    this.pricing = pricing;
  }

  @Span(op = "commerce.order.lookup", name = "Find Order")
  @ResultAttribute(value = "order.total_minor", path = "totalMinor")
  public Order find(@SpanAttribute("order.id") String id) {
    long total = pricing.price(id);
    audit(id);
    return new Order(id, total);
  }

  /** Called from inside the bean: Spring's proxy never sees it, so it is not traced. */
  @Span(op = "commerce.order.audit")
  public void audit(String id) {}

  /** The order returned as JSON. */
  public record Order(String id, long totalMinor) {}
}
