package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.Sentry;
import kotlin.coroutines.AbstractCoroutineContextElement;
import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.CopyableThreadContextElement;

/**
 * The Sentry scopes a traced coroutine runs on, carried in its coroutine context: whichever thread
 * a dispatcher resumes it on, those scopes are that thread's current ones while it runs, with the
 * traced call's span active, and the thread gets its own back when the coroutine suspends again.
 * Each child coroutine ({@code launch}, {@code async}, {@code withContext}) gets scopes forked from
 * these when it starts, so that concurrent children never share one scope's active span.
 *
 * <p>What Sentry's {@code SentryContext} (sentry-kotlin-extensions) does, written here because
 * that artifact is not published for every Sentry release. A coroutine may carry both: the element
 * added last applies last, so a {@code SentryContext()} created inside a traced call, which forks
 * the scopes current then, wins in the coroutines it is given to.
 *
 * <p>On the thread its call left, the span is passed over ({@link OutlivingSpans}) for the code
 * that runs there while the coroutine is suspended; while the coroutine itself runs there, it is
 * not.
 */
final class CoroutineScopes extends AbstractCoroutineContextElement
    implements CopyableThreadContextElement<CoroutineScopes.Entered> {

  /** The element's key: one traced call's scopes per coroutine, the innermost call's. */
  static final CoroutineContext.Key<CoroutineScopes> KEY = new CoroutineContext.Key<>() {};

  private final IScopes scopes;
  /** The traced call's span: the scope holds its active span only weakly. */
  private final ISpan span;

  CoroutineScopes(IScopes scopes, ISpan span) {
    super(KEY);
    this.scopes = scopes;
    this.span = span;
  }

  /** What a thread had before the coroutine ran on it. */
  record Entered(IScopes previous, boolean passedOver) {}

  @Override
  public Entered updateThreadContext(CoroutineContext context) {
    IScopes previous = Sentry.getCurrentScopes();
    Sentry.setCurrentScopes(scopes);
    return new Entered(previous, OutlivingSpans.resumedOn(span, Thread.currentThread()));
  }

  @Override
  public void restoreThreadContext(CoroutineContext context, Entered entered) {
    Sentry.setCurrentScopes(entered.previous());
    if (entered.passedOver() && !span.isFinished()) {
      OutlivingSpans.add(span, Thread.currentThread());
    }
  }

  @Override
  public CopyableThreadContextElement<Entered> copyForChild() {
    return new CoroutineScopes(scopes.forkedCurrentScope("spanwise.coroutine.child"), span);
  }

  @Override
  public CoroutineContext mergeForChild(CoroutineContext.Element overwritingElement) {
    return overwritingElement;
  }

  @Override
  public String toString() {
    return "SpanwiseScopes(" + span.getOperation() + ")";
  }
}
