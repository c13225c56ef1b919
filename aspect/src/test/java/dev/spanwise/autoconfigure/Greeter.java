package dev.spanwise.autoconfigure;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;

/** A bean with a public {@code @Span} method, traced through Spring's proxy. */
public class Greeter {

  @Span(op = "greeting.compose")
  @ResultAttribute(value = "greeting.length", path = "length")
  public String greet(@SpanAttribute("greeting.name") String name) {
    return "hello " + name;
  }
}
