package dev.spanwise.aspect;

import io.sentry.ISpan;

/**
 * Writes attribute values into a span's data, converted by {@link SpanValues}. A value that cannot
 * be converted, and any attribute that could not be read, is recorded as {@code
 * spanwise.error.<name>} with the reason, so a broken attribute is visible rather than silently
 * missing.
 *
 * <p>Both the annotations and {@link dev.spanwise.SpanHandle} write through here, so both get the
 * same two guards: strings are cut by {@link ValueLimits}, and personal data is left out unless
 * {@code sendDefaultPii} is on ({@link PersonalData}).
 *
 * <p>Not final: {@link TracedSpan} is the writer of its own span, so that a sampled call allocates
 * no writer beside it.
 */
class SpanDataWriter implements AttributeSink {

  /** Prefix of the data key that says why an attribute is missing. */
  static final String ERROR_PREFIX = "spanwise.error.";

  /** The span written to. */
  final ISpan span;

  SpanDataWriter(ISpan span) {
    this.span = span;
  }

  @Override
  public void put(String name, Object value) {
    put(name, value, PersonalData.kindOf(name));
  }

  @Override
  public void put(String name, Object value, PersonalData.Kind kind) {
    if (value == null) {
      return;
    }
    Object data;
    try {
      data = SpanValues.toSpanData(value);
    } catch (Throwable e) {
      // toString() of a CharSequence, or a Number's conversion, is the value's own code: whatever
      // it throws (an AssertionError too) is the attribute's failure, not the call's.
      if (SpanValues.isFatal(e)) {
        throw e;
      }
      unreadable(name, SpanValues.describe(e));
      return;
    }
    if (kind != PersonalData.Kind.NONE && PersonalData.withheld(kind, data)) {
      return;
    }
    span.setData(name, ValueLimits.limit(data));
  }

  @Override
  public void unreadable(String name, String reason) {
    // The reason may quote the value (an exception's message): not for withheld names either.
    if (PersonalData.withheld(name, null)) {
      return;
    }
    span.setData(ERROR_PREFIX + name, ValueLimits.limit(reason));
  }

  static void recordReadFailure(ISpan span, Throwable failure) {
    try {
      span.setData(ERROR_PREFIX + "attributes", SpanValues.describe(failure));
    } catch (RuntimeException e) {
      // Nothing left to record it on.
    }
  }
}
