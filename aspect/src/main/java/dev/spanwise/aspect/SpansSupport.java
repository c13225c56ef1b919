package dev.spanwise.aspect;

import dev.spanwise.SpanHandle;
import dev.spanwise.TraceHeaders;
import io.sentry.BaggageHeader;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.Sentry;
import io.sentry.SentryTraceHeader;

/**
 * The implementation behind {@link dev.spanwise.Spans}, here beside the writer it shares with the
 * aspect. Not API: call {@link dev.spanwise.Spans}.
 */
public final class SpansSupport {

  private SpansSupport() {}

  /** See {@link dev.spanwise.Spans#current()}. */
  public static SpanHandle current() {
    try {
      if (!Sentry.isEnabled()) {
        return NoopSpanHandle.INSTANCE;
      }
      // Outside a @Span method, Sentry's current span may be an asynchronous call's, still open.
      IScopes scopes = Sentry.getCurrentScopes();
      ISpan span = OutlivingSpans.parentFor(scopes.getSpan(), scopes);
      if (span == null
          || span.isNoOp()
          || span.isFinished()
          || Boolean.FALSE.equals(span.isSampled())) {
        return NoopSpanHandle.INSTANCE;
      }
      return new LiveSpanHandle(span);
    } catch (RuntimeException | LinkageError e) {
      return NoopSpanHandle.INSTANCE;
    }
  }

  /** See {@link dev.spanwise.Spans#traceHeaders()}. */
  public static TraceHeaders traceHeaders() {
    try {
      if (!Sentry.isEnabled()) {
        return TraceHeaders.empty();
      }
      IScopes scopes = Sentry.getCurrentScopes();
      ISpan current = scopes.getSpan();
      ISpan span = OutlivingSpans.parentFor(current, scopes);
      if (span != current) {
        // An asynchronous call's open span is not what the code that follows it continues.
        BaggageHeader baggage = span.toBaggageHeader(null);
        return new TraceHeaders(
            span.toSentryTrace().getValue(), baggage == null ? null : baggage.getValue());
      }
      SentryTraceHeader trace = Sentry.getTraceparent();
      if (trace == null) {
        return TraceHeaders.empty();
      }
      BaggageHeader baggage = Sentry.getBaggage();
      return new TraceHeaders(trace.getValue(), baggage == null ? null : baggage.getValue());
    } catch (RuntimeException | LinkageError e) {
      return TraceHeaders.empty();
    }
  }
}
