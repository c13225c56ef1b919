package dev.spanwise.aspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.spanwise.aspect.fixtures.Arities;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A woven call that records nothing allocates nothing of its own: {@code SpanAspect}'s advice
 * builds no join point, no closure and no argument array when Sentry is off or the trace is not
 * sampled. AspectJ's join point would cost over 150 bytes a call here, and a closure with its state
 * array 56; the bar is what Sentry's own look-ups may allocate (its scopes with Sentry closed, the
 * parent span when the trace is not sampled), over calls of a method with reference arguments
 * only (a primitive would be boxed for the binding until the JIT removes the box). Counted with the
 * JVM's per-thread allocation counter, not timed; a join point or a closure would show in every
 * round, however long the JIT has had.
 */
class WovenCallAllocationTest {

  private static final int ROUNDS = 40;
  private static final int CALLS_PER_ROUND = 100_000;
  private static final String TEXT = "text";

  /**
   * What Sentry's own look-up of the current scopes may allocate once Sentry has been closed (as
   * here, after the tests before this one): it stores its no-op scopes for the thread again on each
   * call, and the lifecycle token that returns (16 bytes) is dropped, which C2 removes or not
   * depending on what it inlined. Never initialised, as in the benchmarks, it allocates nothing.
   */
  private static final double SENTRYS_CLOSED_SCOPES_LOOK_UP = 16.0;

  /**
   * What Sentry's own look-up of the current span may allocate, which any traced call makes to
   * find its parent: with a transaction current and no active span set, Sentry 8 copies the
   * transaction's child list (an {@code ArrayList} and its array, 40 bytes), which C2 removes or
   * not depending on what it inlined.
   */
  private static final double SENTRYS_SPAN_LOOK_UP = 40.0;

  private final Arities arities = new Arities();

  @BeforeAll
  static void allocationIsCounted() {
    assumeTrue(
        ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
            && threads.isThreadAllocatedMemorySupported()
            && threads.isThreadAllocatedMemoryEnabled());
  }

  @Test
  void sentryOff() {
    assertThat(Sentry.isEnabled()).isFalse();

    assertThat(bytesPerCall()).isLessThanOrEqualTo(SENTRYS_CLOSED_SCOPES_LOOK_UP);
  }

  @Test
  void traceNotSampled() {
    try (SentryCapture sentry = SentryCapture.start()) {
      ITransaction unsampled =
          Sentry.startTransaction(
              new TransactionContext("GET /", "http.server", new TracesSamplingDecision(false)));
      try (ISentryLifecycleToken ignored = unsampled.makeCurrent()) {
        assertThat(bytesPerCall()).isLessThanOrEqualTo(SENTRYS_SPAN_LOOK_UP);
      }
      unsampled.finish();
      assertThat(sentry.transactions()).isEmpty();
    }
  }

  /**
   * The fewest bytes a call allocated in any of up to {@value #ROUNDS} rounds, stopping at the
   * first round under one byte a call: the first rounds run interpreted or in C1 code, which
   * allocates what C2's escape analysis removes later (a lifecycle token Sentry makes and drops
   * when it is closed), and when C2 gets to it depends on the machine's load.
   */
  private double bytesPerCall() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    double fewest = Double.MAX_VALUE;
    for (int round = 0; round < ROUNDS && fewest >= 1.0; round++) {
      long before = threads.getThreadAllocatedBytes(thread);
      int length = calls();
      double perCall =
          (double) (threads.getThreadAllocatedBytes(thread) - before) / CALLS_PER_ROUND;
      assertThat(length).isEqualTo(CALLS_PER_ROUND * TEXT.length());
      fewest = Math.min(fewest, perCall);
    }
    return fewest;
  }

  private int calls() {
    int length = 0;
    for (int i = 0; i < CALLS_PER_ROUND; i++) {
      length += arities.references(TEXT, arities).length();
    }
    return length;
  }
}
