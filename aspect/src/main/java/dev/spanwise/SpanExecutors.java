package dev.spanwise;

import io.sentry.SentryWrapper;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Keeps {@code @Span} calls that run on another thread in the trace of the code that handed them
 * over.
 *
 * <p>Sentry keeps the active span per thread. A {@code @Span} method run on a plain executor thread
 * therefore finds no active span, and becomes a transaction of its own in a new trace. Wrapping a
 * task with Sentry's {@link SentryWrapper} ({@code wrapRunnable}, {@code wrapCallable}, {@code
 * wrapSupplier}) runs it in a fork of the submitting thread's scopes, so its spans become children of
 * the span that was active when it was submitted. This class does the same for every task given to
 * an {@link Executor}, which is what {@code CompletableFuture}'s {@code *Async} methods take:
 *
 * <pre>{@code
 * Executor traced = SpanExecutors.propagating(pool);
 * CompletableFuture.supplyAsync(() -> payments.charge(provider, amount), traced)
 *     .thenApplyAsync(receipts::store, traced);
 * }</pre>
 */
public final class SpanExecutors {

  private SpanExecutors() {}

  /**
   * Returns an executor that runs each task on {@code executor}, in a fork of the Sentry scopes of
   * the thread that submitted it: the active span then is the one that was active at submission.
   * With Sentry off, tasks run unchanged.
   */
  public static Executor propagating(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return task -> executor.execute(SentryWrapper.wrapRunnable(task));
  }
}
