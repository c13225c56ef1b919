package dev.spanwise.aspect.reliability;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import io.sentry.ISpan;
import io.sentry.Sentry;

/** {@code @Span} methods of every shape, whose behaviour must not change when Sentry is off. */
public class Plain {

  /** Counts how often anything reads it. */
  public static final class ReadCounter {
    public int reads;

    public int getCount() {
      return ++reads;
    }
  }

  @Span(op = "test.plain")
  public String greet(
      @SpanAttribute(value = "count", path = "count") ReadCounter counter,
      @SpanAttribute("name") String name) {
    return "hello " + name;
  }

  @Span(op = "test.plain")
  @ResultAttribute(value = "count", path = "count")
  public ReadCounter same(ReadCounter counter) {
    return counter;
  }

  @Span(op = "test.plain")
  public void fail(@SpanAttribute(value = "count", path = "count") ReadCounter counter, Throwable failure)
      throws Throwable {
    throw failure;
  }

  @Span(op = "test.plain")
  public ISpan active() {
    return Sentry.getSpan();
  }

  @Span(op = "test.plain")
  public int nest(@SpanAttribute("depth") int depth) {
    return depth == 0 ? 0 : 1 + nest(depth - 1);
  }

  @Span(op = "test.plain")
  public Object nothing() {
    return null;
  }
}
