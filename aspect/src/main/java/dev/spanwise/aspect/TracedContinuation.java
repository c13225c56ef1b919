package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.Sentry;
import java.lang.reflect.Field;
import java.util.concurrent.CancellationException;
import kotlin.Result;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.jvm.internal.CoroutineStackFrame;

/**
 * What a traced suspend call gets as its continuation instead of its caller's: when the coroutine
 * completes, it finishes the call's {@link TracedSpan} (with the value, the throwable, or as
 * cancelled), then resumes the caller's continuation with the same outcome, the caller's Sentry
 * scopes current. Its context is the caller's plus {@link CoroutineScopes}, so that wherever the
 * coroutine resumes, the span is current inside it.
 *
 * <p>It is also a {@link CoroutineStackFrame} whose caller is the caller's frame: debuggers and
 * coroutine stack traces pass through it.
 */
final class TracedContinuation implements Continuation<Object>, CoroutineStackFrame {

  /** Kotlin's state machines mark a resumption by setting this bit of their {@code label}. */
  private static final int RESUMING = Integer.MIN_VALUE;

  private static final ClassValue<Field> LABELS =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          try {
            Field label = type.getDeclaredField("label");
            if (label.getType() != int.class) {
              return null;
            }
            label.setAccessible(true);
            return label;
          } catch (NoSuchFieldException | RuntimeException e) {
            return null;
          }
        }
      };

  private final SpanPlan plan;
  private final TracedSpan span;
  private final boolean readsValue;
  private final Continuation<Object> caller;
  private final IScopes callerScopes;
  private final IScopes inside;
  /** What carries {@link #inside} in the coroutine; {@code null} without kotlinx-coroutines. */
  private final CoroutineScopes element;
  private final CoroutineContext context;

  private TracedContinuation(
      SpanPlan plan,
      TracedSpan span,
      boolean readsValue,
      Continuation<Object> caller,
      IScopes callerScopes,
      IScopes inside,
      CoroutineScopes element,
      CoroutineContext context) {
    this.plan = plan;
    this.span = span;
    this.readsValue = readsValue;
    this.caller = caller;
    this.callerScopes = callerScopes;
    this.inside = inside;
    this.element = element;
    this.context = context;
  }

  /**
   * Returns the continuation for a call of {@code plan}'s method whose span has just started and
   * is current: its coroutine's scopes are forked from the current ones now, the span active.
   *
   * @param callerScopes the scopes current before the span started, put back for the caller
   * @param readsValue whether the coroutine's value is the method's result (not a Flow's Unit)
   */
  @SuppressWarnings("unchecked")
  static TracedContinuation following(
      SpanPlan plan,
      TracedSpan span,
      boolean readsValue,
      Continuation<?> caller,
      IScopes callerScopes) {
    Continuation<Object> callers = (Continuation<Object>) caller;
    IScopes inside = null;
    CoroutineScopes element = null;
    CoroutineContext context = callers.getContext();
    try {
      IScopes current = Sentry.getCurrentScopes();
      ISpan active = current.getSpan();
      inside = current.forkedCurrentScope("spanwise.coroutine");
      inside.getScope().setActiveSpan(active);
      element = new CoroutineScopes(inside, active);
      context = context.plus(element);
    } catch (RuntimeException | LinkageError e) {
      // Without kotlinx-coroutines (or when Sentry refuses the fork) the span still ends when the
      // coroutine completes; it is only not current after a suspension.
      inside = null;
      element = null;
    }
    return new TracedContinuation(
        plan, span, readsValue, callers, callerScopes, inside, element, context);
  }

  /** Whether the coroutine carries its own scopes: then its first part runs on them too. */
  boolean hasOwnScopes() {
    return element != null;
  }

  /**
   * Makes the coroutine's scopes this thread's current ones for the call's first part, up to its
   * first suspension, as its scopes element does whenever a dispatcher resumes it; returns what
   * {@link #exit} needs to give the thread its own back.
   */
  CoroutineScopes.Entered enter() {
    try {
      return element.updateThreadContext(context);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** Undoes {@link #enter}. */
  void exit(CoroutineScopes.Entered entered) {
    if (entered == null) {
      return;
    }
    try {
      element.restoreThreadContext(context, entered);
    } catch (RuntimeException | LinkageError e) {
      // The scopes belong to Sentry; nothing more to restore.
    }
  }

  /**
   * Returns whether {@code continuation}, the last argument of a call of {@code plan}'s method, is
   * the method's own state machine resuming after a suspension of a traced call, rather than a
   * new call (from another method, or from this one recursively): then there is no new span.
   */
  static boolean resumes(Object continuation, SpanPlan plan) {
    return continuation instanceof CoroutineStackFrame frame
        && frame.getCallerFrame() instanceof TracedContinuation traced
        && traced.plan == plan
        && isResuming(continuation);
  }

  private static boolean isResuming(Object stateMachine) {
    Field label = LABELS.get(stateMachine.getClass());
    if (label == null) {
      // Not a state machine as Kotlin compiles them: take it for the resumption it looks like.
      return true;
    }
    try {
      return (label.getInt(stateMachine) & RESUMING) != 0;
    } catch (IllegalAccessException | RuntimeException e) {
      return true;
    }
  }

  @Override
  public CoroutineContext getContext() {
    return context;
  }

  @Override
  public void resumeWith(Object result) {
    finish(span, result, readsValue);
    if (inside == null) {
      caller.resumeWith(result);
      return;
    }
    // The caller's code after the call runs now, on this stack: on the caller's scopes, not the
    // call's. When the caller is itself a traced coroutine, as its own scopes element would.
    CoroutineContext callerContext = null;
    CoroutineScopes callers = null;
    CoroutineScopes.Entered entered = null;
    ISentryLifecycleToken restore = null;
    try {
      if (Sentry.getCurrentScopes() == inside) {
        callerContext = caller.getContext();
        callers = callerContext.get(CoroutineScopes.KEY);
        if (callers != null) {
          entered = callers.updateThreadContext(callerContext);
        } else {
          restore = Sentry.setCurrentScopes(callerScopes);
        }
      }
    } catch (RuntimeException | LinkageError e) {
      restore = null;
    }
    try {
      caller.resumeWith(result);
    } finally {
      try {
        if (entered != null) {
          callers.restoreThreadContext(callerContext, entered);
        } else if (restore != null) {
          restore.close();
        }
      } catch (RuntimeException | LinkageError e) {
        // The scopes belong to Sentry; nothing more to restore.
      }
    }
  }

  /** Ends {@code span} with a coroutine's outcome: a value, or a {@code Result.Failure}. */
  static void finish(TracedSpan span, Object outcome, boolean readsValue) {
    if (outcome instanceof Result.Failure failure) {
      failed(span, failure.exception);
    } else if (readsValue) {
      span.succeeded(outcome);
    } else {
      span.succeededWithoutValue();
    }
  }

  /** Ends {@code span} with {@code thrown}: {@code cancelled} for a coroutine's cancellation. */
  static void failed(TracedSpan span, Throwable thrown) {
    if (thrown instanceof CancellationException) {
      span.cancelled();
    } else {
      span.failed(thrown);
    }
  }

  @Override
  public CoroutineStackFrame getCallerFrame() {
    return caller instanceof CoroutineStackFrame frame ? frame : null;
  }

  @Override
  public StackTraceElement getStackTraceElement() {
    return null;
  }

  @Override
  public String toString() {
    return "TracedContinuation(" + plan.name() + ") -> " + caller;
  }
}
