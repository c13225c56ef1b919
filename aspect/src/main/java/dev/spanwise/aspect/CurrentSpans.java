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
    IScope[] scope = new IScope[1];
    ISpan[] previous = new ISpan[1];
    Sentry.configureScope(
        current -> {
          scope[0] = current;
          previous[0] = explicitlyActive(current);
          current.setActiveSpan(span);
        });
    return () -> {
      if (scope[0] != null) {
        scope[0].setActiveSpan(previous[0]);
      }
    };
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
