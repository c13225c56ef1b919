package dev.spanwise;

import io.sentry.SpanStatus;

/**
 * The span of the enclosing {@link dev.spanwise.annotations.Span @Span} method, for what the
 * method only knows while it runs: attributes decided on an early return, a status without an
 * exception. Obtained from {@link Spans#current()}.
 *
 * <pre>{@code
 * if (cart.isEmpty()) {
 *   Spans.current().attribute("payment.status", "failed").attribute("inventory.reserved", false);
 *   return Response.badRequest("Cart is empty");
 * }
 * }</pre>
 *
 * <p>Attributes follow the rules of {@link dev.spanwise.annotations.SpanAttribute}: the same
 * conversions, {@code null} left out, a value that cannot be recorded reported as {@code
 * spanwise.error.<name>}, long strings cut to {@code spanwise.maxValueLength}, and names that
 * Sentry's conventions mark as personal data recorded only when {@code sendDefaultPii} is on. With
 * a constant name, {@code spanwise-processor} checks the name and the value's type at compile time
 * as it does for annotations.
 *
 * <p>No method throws. When nothing is traced, or the trace is not sampled, the handle is a no-op.
 */
public interface SpanHandle {

  /** Records {@code value} under {@code name}; returns this handle. */
  SpanHandle attribute(String name, String value);

  /** Records {@code value} under {@code name} as an integer; returns this handle. */
  SpanHandle attribute(String name, long value);

  /** Records {@code value} under {@code name} as a double; returns this handle. */
  SpanHandle attribute(String name, double value);

  /** Records {@code value} under {@code name}; returns this handle. */
  SpanHandle attribute(String name, boolean value);

  /**
   * Records {@code value} under {@code name}, converted as annotated values are (enums by name,
   * arrays and collections as lists, ...); returns this handle.
   */
  SpanHandle attribute(String name, Object value);

  /**
   * Sets the span's status; returns this handle. It stays: the aspect sets {@code ok} on return only
   * when no status was set, though a throw still ends the span with {@code internal_error}.
   */
  SpanHandle status(SpanStatus status);

  /**
   * Marks the span failed without an exception, with {@code internal_error}, the status the aspect
   * gives a call that throws; returns this handle. For a precise status use {@link #status}, for
   * example {@code status(SpanStatus.fromHttpStatusCode(402, SpanStatus.UNKNOWN_ERROR))}.
   */
  SpanHandle fail();

  /**
   * Returns whether this handle records anything; worth checking only before computing an
   * expensive value.
   */
  boolean isRecording();
}
