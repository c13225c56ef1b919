package dev.spanwise.aspect;

import io.sentry.ISpan;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The spans still open after their call has left: a {@code CompletionStage} result that completes
 * later, a publisher's subscription. Each is kept out of the way of the calls that follow it.
 *
 * <p>Where no span is explicitly active, Sentry 8's {@code getSpan()} is the latest unfinished
 * span of the scope's transaction. After an asynchronous {@code @Span} call has returned, that is
 * its still open span, and whatever starts next in the transaction would become its child. A
 * reader of the code expects the innermost call still <em>running</em> on this thread instead:
 * {@link #parentFor} walks from such a span up to its parent. The walk is limited to the thread
 * that the call left (a task handed to a pool <em>during</em> the call rightly nests under the
 * span), except for a publisher's span, which is never current anywhere.
 *
 * <p>A span leaves this registry when Spanwise finishes it. One that Sentry finishes instead (its
 * transaction ended first) is dropped the next time the registry grows past {@link #PRUNE_AT}:
 * a future that never completes cannot make it grow without bound.
 */
final class OutlivingSpans {

  static final int PRUNE_AT = 4096;

  private static final ConcurrentMap<ISpan, Outliving> OPEN = new ConcurrentHashMap<>();

  /** Walking more hops than this means a cycle, which Sentry's spans cannot form; stop anyway. */
  private static final int MAX_HOPS = 64;

  private OutlivingSpans() {}

  /** {@code parent} of an open span; {@code thread} is where it left its call, or any thread. */
  private record Outliving(ISpan parent, Thread thread) {}

  /**
   * Returns the span that a call starting now on this thread should be a child of, given {@code
   * current}, Sentry's current span: {@code current} itself unless it is an open span whose call
   * has left.
   */
  static ISpan parentFor(ISpan current) {
    if (current == null || OPEN.isEmpty()) {
      return current;
    }
    Thread thread = Thread.currentThread();
    ISpan parent = current;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      Outliving outliving = OPEN.get(parent);
      if (outliving == null || (outliving.thread != null && outliving.thread != thread)) {
        break;
      }
      parent = outliving.parent;
    }
    return parent;
  }

  /**
   * Registers {@code span}, a child of {@code parent} still open after its call left {@code
   * thread} ({@code null}: a span never current on any thread).
   */
  static void add(ISpan span, ISpan parent, Thread thread) {
    if (OPEN.size() >= PRUNE_AT) {
      OPEN.keySet().removeIf(ISpan::isFinished);
    }
    OPEN.put(span, new Outliving(parent, thread));
    if (span.isFinished()) {
      // It finished on another thread meanwhile, before it was registered.
      OPEN.remove(span);
    }
  }

  /** Forgets {@code span}: it has finished. */
  static void remove(ISpan span) {
    if (!OPEN.isEmpty()) {
      OPEN.remove(span);
    }
  }

  /** Returns how many spans are registered; for tests. */
  static int size() {
    return OPEN.size();
  }
}
