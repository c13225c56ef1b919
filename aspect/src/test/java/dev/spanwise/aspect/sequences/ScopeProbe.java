package dev.spanwise.aspect.sequences;

import io.sentry.IScope;
import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Scope;
import io.sentry.Sentry;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;

/**
 * What a thread's Sentry scopes hold, read the way no application should: the explicitly active
 * span is a private field of Sentry's {@code Scope}, which only the sequence test reads, to check
 * that every call gives it back exactly.
 *
 * @param currentActive the current scope's explicitly active span, or {@code null}
 * @param isolationActive the isolation scope's explicitly active span, or {@code null}
 * @param transaction the transaction bound to the scopes, or {@code null}
 */
record ScopeProbe(ISpan currentActive, ISpan isolationActive, ITransaction transaction) {

  private static final Field ACTIVE_SPAN = activeSpanField();

  /** Reads this thread's scopes. */
  static ScopeProbe now() {
    IScopes scopes = Sentry.getCurrentScopes();
    return new ScopeProbe(
        active(scopes.getScope()), active(scopes.getIsolationScope()), scopes.getTransaction());
  }

  /** Whether nothing is active and no transaction is bound. */
  boolean isEmpty() {
    return currentActive == null && isolationActive == null && transaction == null;
  }

  /** Compares by identity: the very same spans, or none. */
  boolean sameAs(ScopeProbe other) {
    return currentActive == other.currentActive
        && isolationActive == other.isolationActive
        && transaction == other.transaction;
  }

  private static ISpan active(IScope scope) {
    if (!(scope instanceof Scope)) {
      return null;
    }
    try {
      return ((WeakReference<?>) ACTIVE_SPAN.get(scope)).get() instanceof ISpan span ? span : null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field activeSpanField() {
    try {
      Field field = Scope.class.getDeclaredField("activeSpan");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Sentry's Scope no longer has activeSpan: update the probe", e);
    }
  }
}
