package dev.spanwise.aspect;

import io.sentry.IScope;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;

/**
 * The adjustments to Sentry's notion of the current span that results completing later need.
 *
 * <p>In Sentry 8, {@code Sentry.getSpan()} is the scope's explicitly active span if one was set,
 * else the latest unfinished span of the scope's transaction, else the transaction; {@code
 * makeCurrent()} binds a transaction to the scope and is a no-op for a child span. A span that
 * outlives its method therefore needs help: a root must be unbound from the caller's scope when the
 * method returns, and a span started on a subscriber's thread needs its parent made current there.
 */
final class CurrentSpans {

  private CurrentSpans() {}

  /**
   * Makes {@code span} what {@code Sentry.getSpan()} returns on this thread until the token is
   * closed, which restores the scope's explicitly active span (or none).
   */
  static ISentryLifecycleToken activate(ISpan span) {
    return activate(Sentry.getCurrentScopes().getScope(), span, null);
  }

  /**
   * Makes {@code child} of {@code parent} current until the token is closed. Then the scope's
   * explicitly active span comes back, or none, so that Sentry again derives the current span from
   * the transaction's latest unfinished one; but while {@code child} is still open (its result
   * completes later) that would be {@code child}, so {@code parent} is made current instead and
   * the calls after it stay its siblings.
   */
  static ISentryLifecycleToken activate(IScope scope, ISpan child, ISpan parent) {
    ISpan previous = explicitlyActive(scope);
    scope.setActiveSpan(child);
    return new Restore(scope, previous, child, parent);
  }

  /** Puts back what was current before the call. */
  private record Restore(IScope scope, ISpan previous, ISpan child, ISpan parent)
      implements ISentryLifecycleToken {
    @Override
    public void close() {
      boolean childStillOpen = parent != null && !child.isFinished();
      scope.setActiveSpan(previous == null && childStillOpen ? parent : previous);
    }
  }

  /** The span set with {@code setActiveSpan}, which the scope does not expose directly. */
  private static ISpan explicitlyActive(IScope scope) {
    ISpan effective = scope.getSpan();
    ITransaction transaction = scope.getTransaction();
    ISpan derived = transaction == null ? null : transaction.getLatestActiveSpan();
    if (derived == null) {
      derived = transaction;
    }
    return effective == derived ? null : effective;
  }

  /** Unbinds {@code span} from this thread's scope when it is the transaction bound there. */
  static void unbindTransaction(ISpan span) {
    Sentry.configureScope(
        scope -> {
          if (scope.getTransaction() == span) {
            scope.clearTransaction();
          }
        });
  }
}
