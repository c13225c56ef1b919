package dev.spanwise.aspect;

import io.sentry.IScopes;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import org.aspectj.lang.ProceedingJoinPoint;

/**
 * Traces Kotlin {@code suspend} functions until their coroutine completes. Loaded only for such
 * methods, so Kotlin stays optional.
 *
 * <p>A {@code suspend fun} compiles to a method whose last parameter is the caller's {@code
 * Continuation} and which returns either its value or {@code COROUTINE_SUSPENDED}; in the second
 * case the coroutine goes on later, on whatever thread its dispatcher picks, re-entering the same
 * method with its own state machine as the continuation, and finally resumes the caller's.
 *
 * <ul>
 *   <li>On a call, the span starts and is current as for any {@code @Span} call ({@link
 *       TracedSpan}); the method runs with the caller's continuation replaced by a {@link
 *       TracedContinuation}, which finishes the span when the coroutine completes (value, throw,
 *       or {@code cancelled} for a {@code CancellationException}) and then resumes the caller.
 *   <li>A value returned without suspending finishes the span at once; either way the calling
 *       thread's scope is given back when the method returns ({@link TracedSpan#leave}).
 *   <li>The method re-entered by its own resuming state machine is not a new call: no span.
 *   <li>Result attributes are read from the coroutine's value, resolved on the type Kotlin
 *       declares ({@code Continuation<? super T>}'s {@code T}).
 * </ul>
 */
final class SuspendResults {

  private SuspendResults() {}

  /** What runs the traced method (or a Flow's collection) with a given continuation. */
  @FunctionalInterface
  interface Body {
    Object callWith(Continuation<Object> continuation) throws Throwable;
  }

  /** Traces one call of a {@code suspend} method, or runs a resumption of one untouched. */
  static Object traceCoroutine(SpanPlan plan, IScopes scopes, ProceedingJoinPoint joinPoint)
      throws Throwable {
    Object[] arguments = joinPoint.getArgs();
    int last = arguments.length - 1;
    if (!(arguments[last] instanceof Continuation<?> caller)
        || TracedContinuation.resumes(caller, plan)) {
      return joinPoint.proceed();
    }
    TracedSpan span = TracedSpan.start(plan, scopes, joinPoint);
    if (span == null) {
      return joinPoint.proceed();
    }
    return run(
        plan,
        span,
        scopes,
        caller,
        true,
        continuation -> {
          arguments[last] = continuation;
          return joinPoint.proceed(arguments);
        });
  }

  /**
   * Runs {@code body} for {@code span}, just started and current, with {@code caller} replaced by
   * a {@link TracedContinuation}; finishes the span now when the body does not suspend. The
   * calling thread's scope is given back before the body runs, which runs on the coroutine's own
   * scopes ({@link CoroutineScopes}) from its first line on.
   */
  static Object run(
      SpanPlan plan,
      TracedSpan span,
      IScopes callerScopes,
      Continuation<?> caller,
      boolean readsValue,
      Body body)
      throws Throwable {
    TracedContinuation traced =
        TracedContinuation.following(plan, span, readsValue, caller, callerScopes);
    if (!traced.hasOwnScopes()) {
      return runOnCallersScopes(span, traced, readsValue, body);
    }
    // The caller's scope gets back what it had before the body runs: the coroutine, and the
    // caller's code after it, may go on on another thread before this one returns here.
    span.leave();
    CoroutineScopes.Entered entered = traced.enter();
    try {
      Object result = body.callWith(traced);
      if (result != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
        // Completed without suspending: the continuation will never be resumed.
        TracedContinuation.finish(span, result, readsValue);
      }
      return result;
    } catch (Throwable thrown) {
      TracedContinuation.failed(span, thrown);
      throw thrown;
    } finally {
      traced.exit(entered);
    }
  }

  /** Without kotlinx-coroutines: the span is current on the caller's scope until it suspends. */
  private static Object runOnCallersScopes(
      TracedSpan span, TracedContinuation traced, boolean readsValue, Body body) throws Throwable {
    Object result;
    try {
      result = body.callWith(traced);
    } catch (Throwable thrown) {
      TracedContinuation.failed(span, thrown);
      span.leave();
      throw thrown;
    }
    try {
      if (result != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
        TracedContinuation.finish(span, result, readsValue);
      }
      return result;
    } finally {
      span.leave();
    }
  }
}
