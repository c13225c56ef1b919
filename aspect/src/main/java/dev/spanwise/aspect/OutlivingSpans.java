package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The spans still open after their call has left: a {@code CompletionStage} result that completes
 * later, a publisher's subscription. Each is kept out of the way of the calls that follow it.
 *
 * <p>Where no span is explicitly active, Sentry 8's {@code getSpan()} is the latest unfinished
 * span of the scope's transaction. After an asynchronous {@code @Span} call has returned, that is
 * its still open span, and whatever starts next in the transaction would become its child. A
 * reader of the code expects the innermost call still <em>running</em> instead: {@link #parentFor}
 * derives the current span as Sentry does, but passing over the spans registered here. They are
 * passed over on the thread that their call left (a task handed to a pool <em>during</em> the call
 * rightly nests under the span), and a publisher's span, never current anywhere, on every thread.
 *
 * <p>A span leaves this registry when Spanwise finishes it. One that Sentry finishes instead (its
 * transaction ended first) is dropped the next time the registry grows past {@link #PRUNE_AT}: a
 * future that never completes cannot make it grow without bound.
 */
final class OutlivingSpans {

  static final int PRUNE_AT = 4096;

  /** The registry's value for a span passed over on every thread. */
  private static final Object EVERY_THREAD = new Object();

  /** Each open span, and the thread it is passed over on, or {@link #EVERY_THREAD}. */
  private static final ConcurrentMap<ISpan, Object> OPEN = new ConcurrentHashMap<>();

  private OutlivingSpans() {}

  /**
   * Returns the span that a call starting now on this thread should be a child of, given {@code
   * current}, what {@code scopes.getSpan()} returned: {@code current} itself unless it is an open
   * span whose call has left, or it has finished since (an asynchronous call's span, completed on
   * another thread between the two looks, is no longer registered here, and a child of it would be
   * Sentry's no-op span); then the latest unfinished span of the transaction that is not passed
   * over, or the transaction.
   */
  static ISpan parentFor(ISpan current, IScopes scopes) {
    if (current == null) {
      return null;
    }
    boolean passedOver = !OPEN.isEmpty() && passedOver(current, Thread.currentThread());
    if (!passedOver && !current.isFinished()) {
      return current;
    }
    ITransaction transaction = scopes.getTransaction();
    if (transaction == null) {
      return current;
    }
    Thread thread = Thread.currentThread();
    List<io.sentry.Span> spans = transaction.getSpans();
    for (int i = spans.size() - 1; i >= 0; i--) {
      io.sentry.Span span = spans.get(i);
      if (!span.isFinished() && !passedOver(span, thread)) {
        return span;
      }
    }
    return transaction;
  }

  private static boolean passedOver(ISpan span, Thread thread) {
    Object passedOverOn = OPEN.get(span);
    return passedOverOn == thread || passedOverOn == EVERY_THREAD;
  }

  /**
   * Registers {@code span}, still open after its call left {@code thread}; {@code null}: a span
   * never current on any thread.
   */
  static void add(ISpan span, Thread thread) {
    if (OPEN.size() >= PRUNE_AT) {
      OPEN.keySet().removeIf(ISpan::isFinished);
    }
    OPEN.put(span, thread == null ? EVERY_THREAD : thread);
    if (span.isFinished()) {
      // It finished on another thread meanwhile, before it was registered.
      OPEN.remove(span);
    }
  }

  /**
   * Stops passing {@code span} over on {@code thread}, where it is current again (a suspended
   * coroutine resumed there); returns whether it was passed over there. {@link #add} undoes it.
   */
  static boolean resumedOn(ISpan span, Thread thread) {
    return !OPEN.isEmpty() && OPEN.remove(span, thread);
  }

  /** Forgets {@code span}: it has finished. */
  static void remove(ISpan span) {
    if (!OPEN.isEmpty()) {
      OPEN.remove(span);
    }
  }
}
