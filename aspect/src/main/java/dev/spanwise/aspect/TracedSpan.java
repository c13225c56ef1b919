package dev.spanwise.aspect;

import io.sentry.IScope;
import io.sentry.IScopes;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanOptions;
import io.sentry.SpanStatus;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;
import io.sentry.protocol.TransactionNameSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.aspectj.lang.JoinPoint;

/**
 * The span of one {@code @Span} call, from start to finish, with the change to the calling
 * thread's scope that made it current. Everything that happens to a traced call happens here, in
 * this order:
 *
 * <ol>
 *   <li><b>Start</b> ({@link #start}): a child of the current span; a transaction when there is
 *       none; for a {@code @ContinueTrace} method, a transaction in the trace its arguments carry,
 *       on scopes forked for the call. Nothing at all ({@code null}) when Sentry is off or the
 *       trace is not sampled, except that an unsampled root is still made current, so that the
 *       calls below it see the decision. The arguments' attributes are read when sampled.
 *   <li><b>Current</b>: a child becomes the calling scope's active span, a transaction is bound to
 *       the scope, so that calls inside the method nest under it.
 *   <li><b>Leave</b> ({@link #leave}, on the calling thread, when the method returns or throws):
 *       the scope gets back exactly what it had, its active span (or none) and its transaction (or
 *       none); a {@code @ContinueTrace} call's thread gets its own scopes back. A child still open
 *       then (its result completes later) is registered with {@link OutlivingSpans}, so that the
 *       calls after it on this thread are its siblings, not its children.
 *   <li><b>Finish</b>, once, on whichever thread the result completes: {@code ok} with the result
 *       attributes ({@link #succeeded}); {@code internal_error} with the throwable ({@link
 *       #failed}), or for an expected exception its status and {@code exception.type}; {@code
 *       cancelled} ({@link #cancelled}). A status the method set itself through
 *       {@code Spans.current()} wins over {@code ok}. Finishing changes no scope.
 * </ol>
 *
 * <p>The result kinds ({@link ResultKind}) decide only when the span finishes. A span started by
 * {@link #startDetached} (a publisher's subscription) skips steps 2 and 3: it is never current.
 *
 * <p>The span's attributes are written through the span itself, as {@link SpanDataWriter}: a
 * sampled call allocates no writer of its own.
 *
 * <p>No method throws, but for the JVM's fatal errors: tracing must never change the call.
 */
final class TracedSpan extends SpanDataWriter {

  /** Sentry's trace-origin convention, {@code auto.<category>.<integration>}. */
  static final String ORIGIN = "auto.function.spanwise";

  private static final AtomicIntegerFieldUpdater<TracedSpan> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(TracedSpan.class, "ended");

  /** Passed as the arguments by {@link #startWithoutArguments}: read later, or not at all. */
  private static final Object[] NO_ARGUMENTS_YET = new Object[0];

  private final SpanPlan plan;
  /** Whether the span is a root (a transaction), which has no parent. */
  private final boolean root;
  private final boolean sampled;
  /** The scopes whose scope the span was made current on; {@code null} when never current. */
  private final IScopes scopes;
  /** The scope's explicitly active span before a child's call, as {@link ActiveSpans} saved it. */
  private final Object previousActive;
  /** For a {@code @ContinueTrace} call: gives the thread its own scopes back. */
  private final ISentryLifecycleToken forkedScopes;
  /** Whether the span was made the scope's active span, which leave() undoes. */
  private boolean activated;

  private volatile int ended;

  private TracedSpan(
      SpanPlan plan,
      ISpan span,
      ISpan parent,
      IScopes scopes,
      Object previousActive,
      ISentryLifecycleToken forkedScopes) {
    super(span);
    this.plan = plan;
    this.root = parent == null;
    this.sampled = !Boolean.FALSE.equals(span.isSampled());
    this.scopes = scopes;
    this.previousActive = previousActive;
    this.forkedScopes = forkedScopes;
  }

  // ---- 1 and 2: start, made current ---------------------------------------------------------

  /**
   * Starts the span of one call on {@code scopes} (the aspect has looked them up already) and
   * makes it current; returns {@code null} when there is nothing to record. The arguments are
   * taken from {@code joinPoint} only when they are read: AspectJ copies them on each {@code
   * getArgs()}, and a call in an unsampled trace copies nothing.
   */
  static TracedSpan start(SpanPlan plan, IScopes scopes, JoinPoint joinPoint) {
    return start(plan, scopes, null, joinPoint);
  }

  /**
   * As {@link #start(SpanPlan, IScopes, JoinPoint)}, given the call's {@code arguments}, which are
   * read and not kept.
   */
  static TracedSpan start(SpanPlan plan, IScopes scopes, Object[] arguments) {
    return start(plan, scopes, arguments, null);
  }

  /**
   * As {@link #start(SpanPlan, IScopes, JoinPoint)}, reading no arguments yet: the caller passes
   * them to {@link #readArguments(Object, Object, Object, Object, Object, Object)} when {@link
   * #readsArguments()}. Not for a {@code
   * @ContinueTrace} method, whose trace is in its arguments.
   */
  static TracedSpan startWithoutArguments(SpanPlan plan, IScopes scopes) {
    return start(plan, scopes, NO_ARGUMENTS_YET, null);
  }

  /** As {@link #start(SpanPlan, IScopes, JoinPoint)}, on this thread's scopes and arguments. */
  static TracedSpan start(SpanPlan plan, Object[] arguments) {
    return start(plan, Sentry.getCurrentScopes(), arguments, null);
  }

  private static TracedSpan start(
      SpanPlan plan, IScopes scopes, Object[] arguments, JoinPoint joinPoint) {
    if (plan.continuation() != null) {
      return continueTrace(plan, arguments != null ? arguments : joinPoint.getArgs());
    }
    TracedSpan started;
    try {
      ISpan parent = OutlivingSpans.parentFor(scopes.getSpan(), scopes);
      IScope scope = scopes.getScope();
      ISpan span = startSpan(plan, scopes, parent);
      if (span == null) {
        return null;
      }
      if (parent == null) {
        // Binds the transaction to the scope; finishing it unbinds it again, and so does leave()
        // when it outlives the call. Not made the scope's active span: on the thread that called
        // Sentry.init that scope is the root one, which every request's scopes are forked from.
        span.makeCurrent();
        started = new TracedSpan(plan, span, null, scopes, null, null);
      } else if (scopes.getParentScopes() == null) {
        // The root scopes (this thread called Sentry.init): every thread forks its scopes from
        // them, and would copy an active span. Sentry's own rule nests the calls inside instead:
        // the transaction's latest unfinished span is this one while the method runs.
        started = new TracedSpan(plan, span, parent, scopes, null, null);
      } else {
        started = new TracedSpan(plan, span, parent, scopes, ActiveSpans.save(scope), null);
        started.activated = true;
        // A child's makeCurrent() does nothing in Sentry 8: the scope's active span is what makes
        // the calls inside the method nest under this span, whatever else runs in its transaction.
        scope.setActiveSpan(span);
      }
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
    started.readArguments(arguments, joinPoint);
    return started;
  }

  /**
   * Starts a {@code @ContinueTrace} call's transaction, in the trace its arguments carry, on scopes
   * forked for the call and made current: {@code continueTrace} replaces the propagation context
   * of the scope it runs on, and forking keeps the thread's own scope (a pooled worker's, an active
   * request's) as it was.
   */
  private static TracedSpan continueTrace(SpanPlan plan, Object[] arguments) {
    ISentryLifecycleToken restore = null;
    try {
      String sentryTrace = plan.continuation().sentryTrace(arguments);
      List<String> baggage = plan.continuation().baggage(arguments);
      IScopes forked = Sentry.forkedScopes("spanwise.continueTrace");
      restore = forked.makeCurrent();
      TransactionContext context = forked.continueTrace(sentryTrace, baggage);
      ITransaction transaction =
          context == null ? null : forked.startTransaction(named(context, plan), transactionOptions());
      if (transaction == null || transaction.isNoOp()) {
        restore.close();
        return null;
      }
      transaction.makeCurrent();
      // The fork copied the caller's active span; the continued trace starts clean.
      forked.getScope().setActiveSpan(null);
      TracedSpan started = new TracedSpan(plan, transaction, null, forked, null, restore);
      started.readArguments(arguments, null);
      return started;
    } catch (RuntimeException | LinkageError e) {
      if (restore != null) {
        closeQuietly(restore);
      }
      return null;
    }
  }

  /**
   * Starts a span that is never current: one subscription of a {@code Mono} or {@code Flux},
   * whose work runs on whatever threads its operators choose. Its parent is {@code callerSpan},
   * the span current when the method was called, while that is still open; else the span current
   * now. Returns {@code null} when there is nothing to record.
   */
  static TracedSpan startDetached(SpanPlan plan, ISpan callerSpan, Object[] arguments) {
    if (plan.continuation() != null) {
      TracedSpan continued = continueTrace(plan, arguments);
      if (continued != null) {
        continued.leave();
      }
      return continued;
    }
    TracedSpan started;
    try {
      IScopes current = Sentry.getCurrentScopes();
      ISpan parent =
          callerSpan != null && !callerSpan.isFinished()
              ? callerSpan
              : OutlivingSpans.parentFor(current.getSpan(), current);
      // Not made current, nor bound to any scope: nothing on this thread changes.
      ISpan span = startSpan(plan, current, parent);
      if (span == null) {
        return null;
      }
      started = new TracedSpan(plan, span, parent, null, null, null);
      if (parent != null) {
        // Open in its transaction, it would be what Sentry.getSpan() derives on any thread.
        OutlivingSpans.add(span, null);
      }
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
    started.readArguments(arguments, null);
    return started;
  }

  /** The caller's span, as a publisher's subscriptions should see it: see {@link OutlivingSpans}. */
  static ISpan callerSpan(IScopes scopes) {
    try {
      return OutlivingSpans.parentFor(scopes.getSpan(), scopes);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * Starts {@code plan}'s span as a child of {@code parent}, or as a transaction (not bound to any
   * scope) when {@code parent} is {@code null}; returns {@code null} when nothing would be
   * recorded: a no-op parent or span, or a parent not sampled.
   */
  private static ISpan startSpan(SpanPlan plan, IScopes scopes, ISpan parent) {
    if (parent == null) {
      ITransaction transaction =
          scopes.startTransaction(transactionContext(plan), transactionOptions());
      return transaction.isNoOp() ? null : transaction;
    }
    if (parent.isNoOp() || Boolean.FALSE.equals(parent.isSampled())) {
      return null;
    }
    ISpan child = parent.startChild(plan.op(), plan.name(), spanOptions());
    return child.isNoOp() ? null : child;
  }

  private static TransactionContext transactionContext(SpanPlan plan) {
    return new TransactionContext(plan.name(), TransactionNameSource.CUSTOM, plan.op());
  }

  private static TransactionContext named(TransactionContext context, SpanPlan plan) {
    context.setName(plan.name());
    context.setTransactionNameSource(TransactionNameSource.CUSTOM);
    context.setOperation(plan.op());
    return context;
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

  /**
   * Returns whether {@link #readArguments(Object, Object, Object, Object, Object, Object)} records
   * anything: the span is sampled and the method has {@code @SpanAttribute} parameters.
   */
  boolean readsArguments() {
    return sampled && plan.attributes().readsArguments();
  }

  /**
   * Records the {@code @SpanAttribute}s of a woven call's first six arguments, passed one by one
   * (those past the method's parameters are {@code null}): read and not kept.
   */
  void readArguments(Object a0, Object a1, Object a2, Object a3, Object a4, Object a5) {
    if (!sampled) {
      return;
    }
    try {
      plan.attributes().readArguments(a0, a1, a2, a3, a4, a5, this);
    } catch (Throwable e) {
      failedToReadArguments(e);
    }
  }

  /** Records the {@code @SpanAttribute}s of the call's {@code arguments}, read and not kept. */
  void readArguments(Object[] arguments) {
    readArguments(arguments, null);
  }

  private void readArguments(Object[] arguments, JoinPoint joinPoint) {
    if (!sampled || arguments == NO_ARGUMENTS_YET) {
      return;
    }
    try {
      plan.attributes().readArguments(arguments != null ? arguments : joinPoint.getArgs(), this);
    } catch (Throwable e) {
      failedToReadArguments(e);
    }
  }

  /** Records why the arguments could not be read; a fatal error goes on, with no span current. */
  private void failedToReadArguments(Throwable e) {
    if (SpanValues.isFatal(e)) {
      // The method will not run: at least leave no span current on this thread.
      leave();
      throw SpanTracer.<RuntimeException>rethrow(e);
    }
    recordReadFailure(span, e);
  }

  /** The plan this span was started with. */
  SpanPlan plan() {
    return plan;
  }

  // ---- 3: leave ------------------------------------------------------------------------------

  /**
   * Gives the calling thread's scope back exactly what it had before {@link #start}: its active
   * span, its transaction, or for a {@code @ContinueTrace} call its own scopes. Call once, on the
   * thread that started the span, when the method returns or throws.
   */
  void leave() {
    if (scopes == null) {
      return;
    }
    try {
      if (forkedScopes != null) {
        forkedScopes.close();
        return;
      }
      if (activated) {
        ActiveSpans.restore(scopes.getScope(), previousActive);
      }
      if (span.isFinished()) {
        return;
      }
      if (root) {
        // A root that outlives the call must not stay the caller's transaction.
        scopes.configureScope(
            scope -> {
              if (scope.getTransaction() == span) {
                scope.clearTransaction();
              }
            });
      } else {
        OutlivingSpans.add(span, Thread.currentThread());
      }
    } catch (RuntimeException | LinkageError e) {
      // The scope belongs to Sentry; there is nothing more we can restore.
    }
  }

  // ---- 4: finish -----------------------------------------------------------------------------

  /**
   * Finishes the span as {@code ok}, with the result attributes read from {@code value}; returns
   * {@code value} unchanged.
   */
  Object succeeded(Object value) {
    if (end()) {
      try {
        if (sampled && plan.attributes().readsResult()) {
          readResult(value);
        }
        finish(SpanStatus.OK);
      } catch (RuntimeException | LinkageError e) {
        finishQuietly();
      }
    }
    return value;
  }

  /**
   * Finishes the span as {@code ok} without reading result attributes: the call completed without
   * a single value (a {@code Flux}, an empty {@code Mono}), or its result could not be followed.
   */
  void succeededWithoutValue() {
    if (end()) {
      try {
        finish(SpanStatus.OK);
      } catch (RuntimeException | LinkageError e) {
        finishQuietly();
      }
    }
  }

  /**
   * Finishes the span as {@code internal_error} with {@code thrown}, which is not changed; or, when
   * the method names {@code thrown}'s class as an expected outcome ({@link ExpectedOutcomes}), with
   * that outcome's status (unless the method set one itself, as for {@code ok}) and the class name
   * as {@code exception.type}, without the throwable: the span is not an error.
   */
  void failed(Throwable thrown) {
    if (end()) {
      try {
        ExpectedOutcomes.Outcome expected =
            plan.expected().isEmpty() ? null : plan.expected().match(thrown);
        if (expected != null) {
          endExpected(thrown, expected);
          return;
        }
        span.setThrowable(thrown);
        span.setStatus(SpanStatus.INTERNAL_ERROR);
        close();
      } catch (RuntimeException | LinkageError e) {
        finishQuietly();
      }
    }
  }

  private void endExpected(Throwable thrown, ExpectedOutcomes.Outcome expected) {
    if (sampled) {
      span.setData(ExpectedOutcomes.EXCEPTION_TYPE, thrown.getClass().getName());
      if (expected.invalidStatus() != null) {
        span.setData(
            ERROR_PREFIX + "exception.status",
            "'" + expected.invalidStatus() + "' is not a Sentry span status; ended ok");
      }
    }
    finish(expected.status());
  }

  /** Finishes the span as {@code cancelled}: its asynchronous result was cancelled. */
  void cancelled() {
    if (end()) {
      try {
        finish(SpanStatus.CANCELLED);
      } catch (RuntimeException | LinkageError e) {
        finishQuietly();
      }
    }
  }

  /** Returns whether the span has finished, by this type or by Sentry (its transaction ended). */
  boolean isFinished() {
    return ended != 0 || span.isFinished();
  }

  private boolean end() {
    return ENDED.compareAndSet(this, 0, 1);
  }

  private void readResult(Object result) {
    try {
      plan.attributes().readResult(result, this);
    } catch (Throwable e) {
      // An error thrown while reading the result must not turn a normal return into a throw.
      if (SpanValues.isFatal(e)) {
        throw e;
      }
      recordReadFailure(span, e);
    }
  }

  private void finish(SpanStatus statusUnlessSet) {
    // A status the method set itself (through the Spans API) wins over the default.
    if (span.getStatus() == null) {
      span.setStatus(statusUnlessSet);
    }
    close();
  }

  private void close() {
    span.finish();
    if (!root) {
      OutlivingSpans.remove(span);
    }
  }

  private void finishQuietly() {
    try {
      span.finish();
    } catch (RuntimeException | LinkageError e) {
      // Already finished, or Sentry closed meanwhile.
    } finally {
      OutlivingSpans.remove(span);
    }
  }

  private static void closeQuietly(ISentryLifecycleToken token) {
    try {
      token.close();
    } catch (RuntimeException | LinkageError e) {
      // The scopes belong to Sentry; nothing more to restore.
    }
  }
}
