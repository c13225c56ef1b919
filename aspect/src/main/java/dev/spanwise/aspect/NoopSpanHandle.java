package dev.spanwise.aspect;

import dev.spanwise.SpanHandle;
import io.sentry.SpanStatus;

/** The handle when nothing records: every method does nothing. */
enum NoopSpanHandle implements SpanHandle {
  INSTANCE;

  @Override
  public SpanHandle attribute(String name, String value) {
    return this;
  }

  @Override
  public SpanHandle attribute(String name, long value) {
    return this;
  }

  @Override
  public SpanHandle attribute(String name, double value) {
    return this;
  }

  @Override
  public SpanHandle attribute(String name, boolean value) {
    return this;
  }

  @Override
  public SpanHandle attribute(String name, Object value) {
    return this;
  }

  @Override
  public SpanHandle status(SpanStatus status) {
    return this;
  }

  @Override
  public SpanHandle fail() {
    return this;
  }

  @Override
  public boolean isRecording() {
    return false;
  }
}
