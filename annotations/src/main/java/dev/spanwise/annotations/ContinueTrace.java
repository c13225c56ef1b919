package dev.spanwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the enclosing {@link Span} method continue the trace whose headers ({@code sentry-trace}
 * and {@code baggage}) the annotated argument carries: the consumer side of a queue, where the
 * producer stored {@code Spans.traceHeaders()} in the message.
 *
 * <pre>{@code
 * // the job is a record with sentryTrace() and baggage(), or holds a TraceHeaders
 * @Span(op = "queue.process", name = "queue_consumer")
 * void process(@ContinueTrace MediaJob job) { ... }
 *
 * // message headers as a map, keyed "sentry-trace" and "baggage"
 * @Span(op = "queue.process")
 * void onMessage(@ContinueTrace Map<String, String> headers, byte[] body) { ... }
 *
 * // two plain strings
 * @Span(op = "queue.process")
 * void onMessage(@ContinueTrace(Part.SENTRY_TRACE) String sentryTrace,
 *                @ContinueTrace(Part.BAGGAGE) String baggage, Job job) { ... }
 * }</pre>
 *
 * <p>At run time ({@code spanwise-aspect}) each call of the method starts a <em>transaction</em>
 * in the producer's trace: its trace id is the producer's, its parent span id is the producer's
 * span (the one current when the headers were taken), and the producer's sampling decision
 * holds. It is a new transaction even when a span is active on the consumer's thread, because a
 * message handled there belongs to the trace that sent it, not to whatever the thread was doing;
 * that active span is untouched and is current again when the method returns. When the headers
 * are missing or malformed the call still becomes a transaction, in a new trace.
 *
 * <p>At compile time ({@code spanwise-processor}) these rules are checked:
 *
 * <ul>
 *   <li>the parameter belongs to a {@link Span} method;
 *   <li>a method has either one {@link Part#HEADERS} parameter, or one {@link Part#SENTRY_TRACE}
 *       parameter and at most one {@link Part#BAGGAGE} parameter;
 *   <li>{@link Part#SENTRY_TRACE} and {@link Part#BAGGAGE} parameters are {@code String}s ({@code
 *       BAGGAGE} may also be a collection of {@code String}s, one per baggage header), and leave
 *       {@link #sentryTrace()} and {@link #baggage()} at their defaults;
 *   <li>on a {@link Part#HEADERS} parameter of a {@code Map} type, {@link #sentryTrace()} and
 *       {@link #baggage()} are keys: the map's keys are {@code String}s and its values {@code
 *       String}s or {@code byte[]} (UTF-8);
 *   <li>on a {@link Part#HEADERS} parameter of any other type, {@link #sentryTrace()} and {@link
 *       #baggage()} are property paths (as in {@link SpanAttribute#path()}) that resolve to a
 *       {@code String} (for {@code baggage}, also a collection of {@code String}s).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ContinueTrace {

  /** Returns which trace header the argument carries: both (the default), or only one. */
  Part value() default Part.HEADERS;

  /**
   * Returns where the {@code sentry-trace} value is: a property path on an object argument, a key
   * in a {@code Map} argument. Empty means the default: {@code sentryTrace} for an object (as on
   * {@code TraceHeaders}), {@code "sentry-trace"} for a map.
   */
  String sentryTrace() default "";

  /**
   * Returns where the {@code baggage} value is: a property path on an object argument, a key in a
   * {@code Map} argument. Empty means the default: {@code baggage} for an object, {@code
   * "baggage"} for a map. A missing baggage value is fine: the trace continues without it.
   */
  String baggage() default "";

  /** Returns the trace header or headers an argument carries. */
  enum Part {
    /** The argument carries both headers: an object with properties, or a {@code Map}. */
    HEADERS,
    /** The argument is the {@code sentry-trace} header's value. */
    SENTRY_TRACE,
    /** The argument is the {@code baggage} header's value (or values). */
    BAGGAGE
  }
}
