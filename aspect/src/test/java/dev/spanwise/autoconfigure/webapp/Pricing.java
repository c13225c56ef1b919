package dev.spanwise.autoconfigure.webapp;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import org.springframework.stereotype.Service;

@Service
public class Pricing {

  @Span(op = "commerce.pricing")
  public long price(@SpanAttribute("order.id") String id) {
    return 100L * id.length();
  }
}
