package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.Sentry;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlinx.coroutines.flow.Flow;
import kotlinx.coroutines.flow.FlowCollector;
import org.aspectj.lang.ProceedingJoinPoint;

/**
 * Traces {@code @Span} methods that return a Kotlin {@code Flow}: one span per collection. Loaded
 * only for such methods, so kotlinx-coroutines stays optional.
 *
 * <ul>
 *   <li>The method's {@code Flow} is replaced by one that defers to it: each {@code collect}
 *       starts a span, a child of the span current where it is collected, which is current
 *       during the collection (the upstream's work and the collector's, which run inside {@code
 *       collect}) across suspensions, as for a {@code suspend} function ({@link SuspendResults}),
 *       and ends when the collection completes ({@code ok}), fails ({@code internal_error}) or is
 *       cancelled ({@code cancelled}, also when the collector stops early with {@code first()} or
 *       {@code take}).
 *   <li>A cold flow does its work per collection: two collections are two spans; a flow nobody
 *       collects records nothing.
 *   <li>No result attributes are read; a method that throws instead of returning a flow gets a
 *       span with the throwable.
 * </ul>
 */
final class FlowResults {

  private FlowResults() {}

  /** Runs the method, then returns its flow decorated so that each collection is traced. */
  static Object traceEachCollection(SpanPlan plan, ProceedingJoinPoint joinPoint) throws Throwable {
    Object[] arguments = joinPoint.getArgs();
    Object flow;
    try {
      flow = joinPoint.proceed();
    } catch (Throwable thrown) {
      TracedSpan span = TracedSpan.start(plan, arguments);
      if (span != null) {
        span.failed(thrown);
        span.leave();
      }
      throw thrown;
    }
    return flow instanceof Flow<?> source ? new TracedFlow<>(plan, arguments, source) : flow;
  }

  /** A flow whose every collection is a span. */
  static final class TracedFlow<T> implements Flow<T> {

    private final SpanPlan plan;
    private final Object[] arguments;
    private final Flow<T> source;

    TracedFlow(SpanPlan plan, Object[] arguments, Flow<T> source) {
      this.plan = plan;
      this.arguments = arguments;
      this.source = source;
    }

    @Override
    public Object collect(FlowCollector<? super T> collector, Continuation<? super Unit> caller) {
      IScopes callerScopes = Sentry.getCurrentScopes();
      TracedSpan span = callerScopes.isEnabled() ? TracedSpan.start(plan, arguments) : null;
      if (span == null) {
        return source.collect(collector, caller);
      }
      try {
        return SuspendResults.run(
            plan, span, callerScopes, caller, false, traced -> source.collect(collector, traced));
      } catch (Throwable thrown) {
        throw FlowResults.<RuntimeException>rethrow(thrown);
      }
    }
  }

  /** Throws {@code thrown} unchanged from a method that declares no checked exception. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable thrown) throws E {
    throw (E) thrown;
  }
}
