package dev.spanwise.aspect;

import dev.spanwise.SpanHandle;
import io.sentry.ISpan;
import io.sentry.SpanStatus;

/** A {@link SpanHandle} on a recording span; every write goes through {@link SpanDataWriter}. */
final class LiveSpanHandle implements SpanHandle {

  private final ISpan span;
  private final SpanDataWriter writer;

  LiveSpanHandle(ISpan span) {
    this.span = span;
    this.writer = new SpanDataWriter(span);
  }

  @Override
  public SpanHandle attribute(String name, String value) {
    return put(name, value);
  }

  @Override
  public SpanHandle attribute(String name, long value) {
    return put(name, value);
  }

  @Override
  public SpanHandle attribute(String name, double value) {
    return put(name, value);
  }

  @Override
  public SpanHandle attribute(String name, boolean value) {
    return put(name, value);
  }

  @Override
  public SpanHandle attribute(String name, Object value) {
    return put(name, value);
  }

  private SpanHandle put(String name, Object value) {
    if (name == null) {
      return this;
    }
    try {
      writer.put(name, value);
    } catch (RuntimeException | LinkageError e) {
      // Never break the caller: at worst the attribute is missing.
    }
    return this;
  }

  @Override
  public SpanHandle status(SpanStatus status) {
    if (status != null) {
      try {
        span.setStatus(status);
      } catch (RuntimeException | LinkageError e) {
        // As above.
      }
    }
    return this;
  }

  @Override
  public SpanHandle fail() {
    return status(SpanStatus.INTERNAL_ERROR);
  }

  @Override
  public boolean isRecording() {
    return true;
  }
}
