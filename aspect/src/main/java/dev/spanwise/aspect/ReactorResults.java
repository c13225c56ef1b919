package dev.spanwise.aspect;

import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.Sentry;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *       before the signal travels on. A cold publisher does its work per subscription, so two
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
  static Object traceEachSubscription(SpanPlan plan, ProceedingJoinPoint joinPoint)
      throws Throwable {
    Object[] arguments = joinPoint.getArgs();
    ISpan parent = Sentry.getSpan();
    Object publisher;
    try {
      publisher = joinPoint.proceed();
    } catch (Throwable thrown) {
      TracedCall call = TracedCall.start(plan, arguments);
      if (call != null) {
        call.threw(thrown);
        call.leaveScope();
      }
      throw thrown;
    }
    try {
      if (publisher instanceof Mono<?> mono) {
        return traceMono(plan, arguments, parent, mono);
      }
      if (publisher instanceof Flux<?> flux) {
        return traceFlux(plan, arguments, parent, flux);
      }
    } catch (RuntimeException | LinkageError e) {
      // Decorating failed: the caller gets the method's own publisher, untraced.
    }
    return publisher;
  }

  private static <T> Mono<T> traceMono(
      SpanPlan plan, Object[] arguments, ISpan parent, Mono<T> source) {
    return Mono.defer(
        () -> {
          SubscriptionSpan span = SubscriptionSpan.start(plan, arguments, parent);
          if (span == null) {
            return source;
          }
          return source
              .doOnSuccess(span::succeeded)
              .doOnError(span::failed)
              .doOnCancel(span::cancelled);
        });
  }

  private static <T> Flux<T> traceFlux(
      SpanPlan plan, Object[] arguments, ISpan parent, Flux<T> source) {
    return Flux.defer(
        () -> {
          SubscriptionSpan span = SubscriptionSpan.start(plan, arguments, parent);
          if (span == null) {
            return source;
          }
          return source
              .doOnComplete(span::completed)
              .doOnError(span::failed)
              .doOnCancel(span::cancelled);
        });
  }

  /** The span of one subscription, ended by the first of complete, error and cancel. */
  private static final class SubscriptionSpan {

    private final TracedCall call;
    private final AtomicBoolean ended = new AtomicBoolean();

    private SubscriptionSpan(TracedCall call) {
      this.call = call;
    }

    static SubscriptionSpan start(SpanPlan plan, Object[] arguments, ISpan parent) {
      ISentryLifecycleToken parentScope = null;
      try {
        if (parent != null && !parent.isFinished() && Sentry.getSpan() != parent) {
          parentScope = CurrentSpans.activate(parent);
        }
        TracedCall call = TracedCall.start(plan, arguments);
        if (call == null) {
          return null;
        }
        call.leaveScope();
        CurrentSpans.unbindTransaction(call.span());
        return new SubscriptionSpan(call);
      } catch (RuntimeException | LinkageError e) {
        return null;
      } finally {
        if (parentScope != null) {
          closeQuietly(parentScope);
        }
      }
    }

    void succeeded(Object value) {
      if (ended.compareAndSet(false, true)) {
        if (value == null) {
          call.completedWithoutValue();
        } else {
          call.completed(value);
        }
      }
    }

    void completed() {
      if (ended.compareAndSet(false, true)) {
        call.completedWithoutValue();
      }
    }

    void failed(Throwable thrown) {
      if (ended.compareAndSet(false, true)) {
        call.threw(thrown);
      }
    }

    void cancelled() {
      if (ended.compareAndSet(false, true)) {
        call.cancelled();
      }
    }

    private static void closeQuietly(ISentryLifecycleToken token) {
      try {
        token.close();
      } catch (RuntimeException | LinkageError e) {
        // The scope belongs to Sentry; there is nothing more we can restore.
      }
    }
  }
}
