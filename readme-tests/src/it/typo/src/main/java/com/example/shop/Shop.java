package com.example.shop;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;

/** The README's example of a compile-time error: line 12 misspells gen_ai.usage.total_tokens. */
public class Shop {

  @Span(op = "gen_ai.chat")
  public void complete(
      String prompt,
      @SpanAttribute("gen_ai.usage.total_token") long tokens
  ) {}
}
