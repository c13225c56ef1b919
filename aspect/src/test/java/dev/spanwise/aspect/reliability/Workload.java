package dev.spanwise.aspect.reliability;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;

/** The cheapest meaningful {@code @Span} method, for load tests: one attribute, one result. */
public class Workload {

  @Span(op = "test.work")
  public int step(@SpanAttribute("work.index") int index) {
    return index + 1;
  }
}
