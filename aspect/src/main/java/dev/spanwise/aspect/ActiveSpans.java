package dev.spanwise.aspect;

import io.sentry.IScope;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Scope;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * Saves a scope's explicitly active span (what {@code setActiveSpan} set) before a call makes its
 * own span active, and puts it back after the call, exactly as it was.
 *
 * <p>Sentry's {@link IScope} can set the active span but not read it back: {@code getSpan()}
 * answers the active span or, when there is none, the one it derives from the transaction. For
 * Sentry's own {@link Scope}, which keeps the active span in a private {@code WeakReference} field
 * and does nothing else when it is set, this class reads that field and writes the same reference
 * back: nothing is allocated, and the scope ends exactly as it was (a reference to a span that has
 * been collected stays one). For any other scope, or a Sentry whose {@code Scope} has no such field
 * (the field's name is Sentry's, not an API), it tells the active span apart from the derived one
 * through the public API, which copies the transaction's span list once more, and restores it with
 * {@code setActiveSpan}.
 */
final class ActiveSpans {

  /** Sentry's {@code Scope.activeSpan}, or {@code null} when this Sentry has none to read. */
  private static final VarHandle SCOPE_ACTIVE_SPAN = scopeField("activeSpan");

  private ActiveSpans() {}

  /**
   * Returns what {@link #restore} needs to give {@code scope} back its explicitly active span: the
   * scope's own reference to it, or (the fallback) the span itself; {@code null} when none is set.
   */
  static Object save(IScope scope) {
    if (readsField(scope)) {
      return SCOPE_ACTIVE_SPAN.get((Scope) scope);
    }
    return explicitlyActive(scope);
  }

  /** Gives {@code scope} back the explicitly active span {@link #save} returned {@code saved} for. */
  static void restore(IScope scope, Object saved) {
    if (readsField(scope)) {
      SCOPE_ACTIVE_SPAN.set((Scope) scope, saved);
    } else {
      scope.setActiveSpan((ISpan) saved);
    }
  }

  /** Returns whether the active span of {@code scope} is read from its field, without copying. */
  static boolean readsField(IScope scope) {
    return SCOPE_ACTIVE_SPAN != null && scope.getClass() == Scope.class;
  }

  /**
   * The span set with {@code setActiveSpan}, by the public API: the span the scope returns, when
   * that is not the one it would derive from its transaction.
   */
  private static ISpan explicitlyActive(IScope scope) {
    ISpan effective = scope.getSpan();
    if (effective == null) {
      return null;
    }
    ITransaction transaction = scope.getTransaction();
    ISpan derived = transaction == null ? null : transaction.getLatestActiveSpan();
    if (derived == null) {
      derived = transaction;
    }
    return effective == derived ? null : effective;
  }

  /**
   * {@code Scope}'s private field {@code name}, when it holds a {@code WeakReference} and Sentry's
   * package is open to this class (it is on the class path, and in an automatic module); else
   * {@code null}.
   */
  static VarHandle scopeField(String name) {
    try {
      return MethodHandles.privateLookupIn(Scope.class, MethodHandles.lookup())
          .findVarHandle(Scope.class, name, WeakReference.class);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
