package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.Sentry;
import io.sentry.SpanOptions;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.protocol.TransactionNameSource;
import org.aspectj.lang.JoinPoint;

/**
 * One traced call: the span it started, and the scope token that makes that span current until the
 * call leaves. Every method here swallows its own failures: tracing must never change the call.
 */
final class TracedCall {

  /** Sentry's trace-origin convention, {@code auto.<category>.<integration>}. */
  static final String ORIGIN = "auto.function.spanwise";

  private final ISpan span;
  private final ISentryLifecycleToken scopeToken;
  private final SpanPlan plan;
  private final boolean sampled;

  private TracedCall(SpanPlan plan, ISpan span, ISentryLifecycleToken scopeToken, boolean sampled) {
    this.plan = plan;
    this.span = span;
    this.scopeToken = scopeToken;
    this.sampled = sampled;
  }

  /**
   * Starts the span of one call and makes it current, or returns {@code null} when there is nothing
   * to record: tracing is off, or the active trace is not sampled (its decision already holds for
   * everything below it). A {@code @ContinueTrace} method starts a transaction in the trace its
   * arguments carry instead, whatever is active ({@link TraceContinuation}).
   */
  static TracedCall start(SpanPlan plan, Object[] arguments) {
    return start(plan, Sentry.getCurrentScopes(), arguments, null);
  }

  /**
   * As {@link #start(SpanPlan, Object[])}, for the aspect: on {@code scopes} it already looked up,
   * and taking the arguments from {@code joinPoint} only when they are read (AspectJ copies them
   * on each {@code getArgs()}), so that a call in an unsampled trace copies nothing.
   */
  static TracedCall start(SpanPlan plan, IScopes scopes, JoinPoint joinPoint) {
    return start(plan, scopes, null, joinPoint);
  }

  private static TracedCall start(
      SpanPlan plan, IScopes scopes, Object[] arguments, JoinPoint joinPoint) {
    if (plan.continuation() != null) {
      return plan.continuation().start(plan, arguments != null ? arguments : joinPoint.getArgs());
    }
    try {
      ISpan parent = scopes.getSpan();
      if (parent == null) {
        ISpan transaction = startTransaction(plan, scopes);
        // Binds the transaction to the scope; finishing it unbinds it again.
        return transaction.isNoOp()
            ? null
            : started(plan, transaction, transaction.makeCurrent(), arguments, joinPoint);
      }
      if (parent.isNoOp() || Boolean.FALSE.equals(parent.isSampled())) {
        return null;
      }
      ISpan child = parent.startChild(plan.op(), plan.name(), spanOptions());
      // A child's makeCurrent() does nothing in Sentry 8: set the scope's active span ourselves,
      // so that calls below nest under this span and, when it outlives the call (an async
      // result), the calls after it do not.
      return child.isNoOp()
          ? null
          : started(
              plan,
              child,
              CurrentSpans.activate(scopes.getScope(), child, parent),
              arguments,
              joinPoint);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** The call of a span already started and made current; {@code scopeToken} undoes that. */
  static TracedCall started(
      SpanPlan plan, ISpan span, ISentryLifecycleToken scopeToken, Object[] arguments) {
    return started(plan, span, scopeToken, arguments, null);
  }

  private static TracedCall started(
      SpanPlan plan,
      ISpan span,
      ISentryLifecycleToken scopeToken,
      Object[] arguments,
      JoinPoint joinPoint) {
    // A root that is not sampled is still made current, so that the calls below it see the
    // decision instead of each starting a transaction of its own.
    boolean sampled = !Boolean.FALSE.equals(span.isSampled());
    TracedCall call = new TracedCall(plan, span, scopeToken, sampled);
    if (sampled) {
      call.bindArguments(arguments != null ? arguments : joinPoint.getArgs());
    }
    return call;
  }

  private static ISpan startTransaction(SpanPlan plan, IScopes scopes) {
    TransactionContext context =
        new TransactionContext(plan.name(), TransactionNameSource.CUSTOM, plan.op());
    return scopes.startTransaction(context, transactionOptions());
  }

  static TransactionOptions transactionOptions() {
    TransactionOptions options = new TransactionOptions();
    options.setOrigin(ORIGIN);
    return options;
  }

  private static SpanOptions spanOptions() {
    SpanOptions options = new SpanOptions();
    options.setOrigin(ORIGIN);
    return options;
  }

  private void bindArguments(Object[] arguments) {
    try {
      plan.binder().bindArguments(arguments, new SpanDataWriter(span));
    } catch (Throwable e) {
      if (SpanValues.isFatal(e)) {
        // The method will not run: at least leave no span current on this thread.
        leaveScope();
        throw e;
      }
      SpanDataWriter.recordBinderFailure(span, e);
    }
  }

  /**
   * Records a normal return and finishes the span; returns {@code result} unchanged. A {@code
   * CompletionStage} result finishes the span when it completes instead (see {@link
   * AsyncResults}); the plain path pays one comparison for that.
   */
  Object returned(Object result) {
    if (plan.resultKind() == AsyncResults.Kind.COMPLETION_STAGE) {
      return AsyncResults.finishOnCompletion(this, result);
    }
    return completed(result);
  }

  /** Records the value the call completed with and finishes the span; returns {@code result}. */
  Object completed(Object result) {
    try {
      if (sampled && plan.binder().readsResult()) {
        bindResult(result);
      }
      finish(SpanStatus.OK);
    } catch (RuntimeException | LinkageError e) {
      finishQuietly();
    }
    return result;
  }

  private void bindResult(Object result) {
    try {
      plan.binder().bindResult(result, new SpanDataWriter(span));
    } catch (Throwable e) {
      // An error thrown while reading the result must not turn a normal return into a throw.
      if (SpanValues.isFatal(e)) {
        throw e;
      }
      SpanDataWriter.recordBinderFailure(span, e);
    }
  }

  /** Records a throw and finishes the span; the caller rethrows the same instance. */
  void threw(Throwable thrown) {
    try {
      span.setThrowable(thrown);
      span.setStatus(SpanStatus.INTERNAL_ERROR);
      span.finish();
    } catch (RuntimeException | LinkageError e) {
      finishQuietly();
    }
  }

  /**
   * Finishes the span as {@code ok} without reading result attributes: the call completed without
   * a single value (a {@code Flux}), or its result could not be followed.
   */
  void completedWithoutValue() {
    try {
      finish(SpanStatus.OK);
    } catch (RuntimeException | LinkageError e) {
      finishQuietly();
    }
  }

  /** Finishes the span as {@code cancelled}: its asynchronous result was cancelled. */
  void cancelled() {
    try {
      finish(SpanStatus.CANCELLED);
    } catch (RuntimeException | LinkageError e) {
      finishQuietly();
    }
  }

  /** Returns the call's span, for results that end it later. */
  ISpan span() {
    return span;
  }

  /** Restores the span that was current before the call. */
  void leaveScope() {
    try {
      scopeToken.close();
    } catch (RuntimeException | LinkageError e) {
      // The scope belongs to Sentry; there is nothing more we can restore.
    }
  }

  private void finish(SpanStatus statusUnlessSet) {
    // A status the method set itself (through the Spans API) wins over the default.
    if (span.getStatus() == null) {
      span.setStatus(statusUnlessSet);
    }
    span.finish();
  }

  private void finishQuietly() {
    try {
      span.finish();
    } catch (RuntimeException | LinkageError e) {
      // Already finished, or Sentry closed meanwhile.
    }
  }
}
