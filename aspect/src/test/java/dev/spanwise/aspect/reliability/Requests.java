package dev.spanwise.aspect.reliability;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import io.sentry.ISpan;
import io.sentry.Sentry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A request handler with a nested {@code @Span} call, reporting the span each level saw. */
public class Requests {

  /** The active span inside {@code handle}, inside {@code lookup}, and in {@code handle} after it. */
  public record Seen(ISpan handle, ISpan lookup, ISpan handleAfterLookup) {}

  @Span(op = "test.request.handle")
  public Seen handle(
      @SpanAttribute("request.id") String requestId, @SpanAttribute("request.step") int step) {
    ISpan inHandle = Sentry.getSpan();
    Thread.yield();
    ISpan inLookup = lookup(requestId);
    return new Seen(inHandle, inLookup, Sentry.getSpan());
  }

  @Span(op = "test.request.lookup")
  public ISpan lookup(@SpanAttribute("request.id") String requestId) {
    Thread.yield();
    return Sentry.getSpan();
  }

  /** Holds its span open: counts {@code entered} down, then waits for {@code release}. */
  @Span(op = "test.request.wait")
  public boolean hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
    entered.countDown();
    return release.await(10, TimeUnit.SECONDS);
  }
}
