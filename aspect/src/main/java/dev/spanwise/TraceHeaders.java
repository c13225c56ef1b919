package dev.spanwise;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trace headers a producer stores in an outgoing message so that its consumer continues the
 * trace: Sentry's {@code sentry-trace} and {@code baggage} values, from {@link
 * Spans#traceHeaders()}. Either may be {@code null} (nothing traced, or no baggage).
 *
 * <p>A consumer reads them back with {@link dev.spanwise.annotations.ContinueTrace}: on an argument
 * of this type (or of any type with {@code sentryTrace} and {@code baggage} properties), on a
 * {@code Map} built by {@link #asMap()}, or on two {@code String} arguments.
 *
 * @param sentryTrace the {@code sentry-trace} header's value ({@code <trace id>-<span id>-<sampled>})
 * @param baggage the {@code baggage} header's value, Sentry's {@code sentry-*} entries
 */
public record TraceHeaders(String sentryTrace, String baggage) {

  /** The header name under which {@link #sentryTrace()} travels: {@value}. */
  public static final String SENTRY_TRACE_HEADER = "sentry-trace";

  /** The header name under which {@link #baggage()} travels: {@value}. */
  public static final String BAGGAGE_HEADER = "baggage";

  private static final TraceHeaders EMPTY = new TraceHeaders(null, null);

  /** Returns headers that continue nothing, what {@link Spans#traceHeaders()} gives untraced. */
  public static TraceHeaders empty() {
    return EMPTY;
  }

  /** Returns whether there is no {@code sentry-trace} value, so there is no trace to continue. */
  public boolean isEmpty() {
    return sentryTrace == null;
  }

  /**
   * Returns the headers as a mutable map keyed {@value #SENTRY_TRACE_HEADER} and {@value
   * #BAGGAGE_HEADER}, leaving out {@code null} values: ready for a message's headers.
   */
  public Map<String, String> asMap() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (sentryTrace != null) {
      headers.put(SENTRY_TRACE_HEADER, sentryTrace);
    }
    if (baggage != null) {
      headers.put(BAGGAGE_HEADER, baggage);
    }
    return headers;
  }
}
