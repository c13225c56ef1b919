package dev.spanwise;

import dev.spanwise.aspect.SpansSupport;

/**
 * Static access to what Spanwise traces, for the few things annotations cannot say: attributes and
 * a status decided inside a method ({@link #current()}), and the trace headers of an outgoing
 * message ({@link #traceHeaders()}). Safe to call anywhere: with nothing traced they do nothing.
 */
public final class Spans {

  private Spans() {}

  /**
   * Returns the span of the enclosing {@code @Span} method: Sentry's current span on this thread
   * ({@code Sentry.getSpan()}), which is the innermost running {@code @Span} call. Never {@code
   * null}: a no-op handle when Sentry is off, nothing is active, or the trace is not sampled.
   */
  public static SpanHandle current() {
    return SpansSupport.current();
  }

  /**
   * Returns the {@code sentry-trace} and {@code baggage} values that continue the current trace,
   * from the current span (inside a {@code queue.publish} method, that span becomes the
   * consumer's parent). Never {@code null}: {@link TraceHeaders#empty()} when Sentry is off.
   */
  public static TraceHeaders traceHeaders() {
    return SpansSupport.traceHeaders();
  }
}
