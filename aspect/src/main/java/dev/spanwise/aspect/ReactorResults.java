package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.ISpan;
import org.aspectj.lang.ProceedingJoinPoint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Traces {@code @Span} methods that return a {@code Mono} or {@code Flux}: one span per
 * subscription. Loaded only for such methods, so Reactor stays optional.
 *
 * <ul>
 *   <li>The method's {@code Mono}/{@code Flux} is replaced by one that defers to it: each
 *       subscription starts a span, which ends on complete ({@code ok}), error ({@code
 *       internal_error} and the throwable) or cancel ({@code cancelled}), whichever comes first,
 *       before the signal travels on: a subscriber finds the span finished. A cold publisher does its work per subscription, so two
 *       subscriptions are two spans; nothing is recorded for a publisher nobody subscribes to.
 *   <li>The span's parent is the span that was current when the method was called (subscription
 *       often happens later, on another thread); when there was none, or it has finished, the span
 *       current at subscription.
 *   <li>The span is not made current: the publisher's work runs on whatever threads its
 *       operators choose. So a {@code @Span} method called while the method assembles its
 *       publisher is a sibling of this span, not its child.
 *   <li>A {@code Mono}'s result attributes are read from its value; an empty {@code Mono} and a
 *       {@code Flux} record none.
 *   <li>A method that throws instead of returning a publisher gets a span with the throwable.
 * </ul>
 */
final class ReactorResults {

  private ReactorResults() {}

  /** Runs the method, then returns its publisher decorated so that each subscription is traced. */
  static Object traceEachSubscription(SpanPlan plan, IScopes scopes, ProceedingJoinPoint joinPoint)
      throws Throwable {
    Object[] arguments = joinPoint.getArgs();
    ISpan callerSpan = TracedSpan.callerSpan(scopes);
    Object publisher;
    try {
      publisher = joinPoint.proceed();
    } catch (Throwable thrown) {
      TracedSpan span = TracedSpan.startDetached(plan, callerSpan, arguments);
      if (span != null) {
        span.failed(thrown);
      }
      throw thrown;
    }
    try {
      if (publisher instanceof Mono<?> mono) {
        return traceMono(plan, arguments, callerSpan, mono);
      }
      if (publisher instanceof Flux<?> flux) {
        return traceFlux(plan, arguments, callerSpan, flux);
      }
    } catch (RuntimeException | LinkageError e) {
      // Decorating failed: the caller gets the method's own publisher, untraced.
    }
    return publisher;
  }

  private static <T> Mono<T> traceMono(
      SpanPlan plan, Object[] arguments, ISpan callerSpan, Mono<T> source) {
    return Mono.defer(
        () -> {
          TracedSpan span = TracedSpan.startDetached(plan, callerSpan, arguments);
          if (span == null) {
            return source;
          }
          return source
              .doOnSuccess(
                  value -> {
                    if (value == null) {
                      span.succeededWithoutValue();
                    } else {
                      span.succeeded(value);
                    }
                  })
              .doOnError(span::failed)
              .doOnCancel(span::cancelled);
        });
  }

  private static <T> Flux<T> traceFlux(
      SpanPlan plan, Object[] arguments, ISpan callerSpan, Flux<T> source) {
    return Flux.defer(
        () -> {
          TracedSpan span = TracedSpan.startDetached(plan, callerSpan, arguments);
          if (span == null) {
            return source;
          }
          return source
              .doOnComplete(span::succeededWithoutValue)
              .doOnError(span::failed)
              .doOnCancel(span::cancelled);
        });
  }
}
