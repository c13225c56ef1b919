package dev.spanwise.aspect;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Finishes the span of a method that returns a {@link CompletionStage} when the stage completes,
 * and before anyone who observes the completion of what the method returned ({@code join}, {@code
 * get}, any {@code then*}, Spring's async dispatch) sees it.
 *
 * <p>The span ends {@code ok} with the result attributes read from the completed value; {@code
 * internal_error} with the throwable when the stage fails ({@link CompletionException}
 * unwrapped); {@code cancelled} when it is cancelled. What the caller gets:
 *
 * <ul>
 *   <li><b>A {@code CompletableFuture} already complete</b> when the method returns: the span ends
 *       at once, and the caller gets the method's own future; nothing is added to it.
 *   <li><b>Declared {@code CompletableFuture} or {@code CompletionStage}</b>: a dependent {@code
 *       CompletableFuture} that completes with exactly the method's outcome (the same value, the
 *       same exception instance, cancelled when it was) once the span has finished. Its {@code
 *       cancel}, {@code complete} and {@code completeExceptionally} act on the method's own stage
 *       when that is a {@code CompletableFuture}: {@code cancel(true)} still cancels the method's
 *       work and ends the span {@code cancelled}, and {@code orTimeout} or {@code
 *       completeOnTimeout} time out the method's future as before. ({@code obtrude*} act on the
 *       dependent only.)
 *   <li><b>Declared a subclass of {@code CompletableFuture}</b>: the dependent is the method's
 *       future's {@code newIncompleteFuture()}, when the subclass overrides it to return its own
 *       type; cancelling it cancels the method's future too, but only after the caller's own
 *       dependents of it have run. When the subclass does not, and for any other declared {@code
 *       CompletionStage} type, the caller gets the method's own object, and the span ends in a
 *       callback on it: the caller's callbacks may then run before the span has finished.
 * </ul>
 */
final class FutureResults {

  private FutureResults() {}

  /**
   * Returns what the caller of {@code span}'s method gets for {@code result}, and ends the span
   * when {@code result} completes. Never throws: when nothing can be attached, the span ends now.
   */
  static Object finishOnCompletion(TracedSpan span, Object result, Class<?> declaredType) {
    if (!(result instanceof CompletionStage<?> stage)) {
      return span.succeeded(result);
    }
    try {
      if (result.getClass() == CompletableFuture.class) {
        CompletableFuture<?> future = (CompletableFuture<?>) result;
        if (future.isDone()) {
          finishDone(span, future);
          return future;
        }
      }
      if (declaredType.isAssignableFrom(TracedFuture.class)) {
        return TracedFuture.following(span, stage);
      }
      if (result instanceof CompletableFuture<?> future) {
        CompletableFuture<Object> dependent = future.newIncompleteFuture();
        if (declaredType.isInstance(dependent)) {
          return follow(span, future, dependent);
        }
      }
      stage.whenComplete((value, failure) -> finish(span, value, failure));
    } catch (RuntimeException | LinkageError e) {
      span.succeededWithoutValue();
    }
    return result;
  }

  private static void finishDone(TracedSpan span, CompletableFuture<?> future) {
    Object value;
    try {
      value = future.getNow(null);
    } catch (CancellationException cancelled) {
      span.cancelled();
      return;
    } catch (CompletionException failed) {
      span.failed(unwrap(failed));
      return;
    }
    span.succeeded(value);
  }

  @SuppressWarnings("unchecked")
  private static Object follow(
      TracedSpan span, CompletableFuture<?> source, CompletableFuture<Object> dependent) {
    ((CompletableFuture<Object>) source)
        .whenComplete(
            (value, failure) -> {
              finish(span, value, failure);
              if (failure == null) {
                dependent.complete(value);
              } else {
                dependent.completeExceptionally(failure);
              }
            });
    dependent.whenComplete(
        (value, failure) -> {
          if (dependent.isCancelled()) {
            source.cancel(true);
          }
        });
    return dependent;
  }

  /** Ends {@code span} with a stage's outcome, as {@code whenComplete} hands it over. */
  static void finish(TracedSpan span, Object value, Throwable failure) {
    if (failure == null) {
      span.succeeded(value);
      return;
    }
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      span.cancelled();
    } else {
      span.failed(cause);
    }
  }

  /** A stage that depends on a failed one fails with a {@link CompletionException} around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * What the caller of a method declared to return {@code CompletableFuture} or {@code
   * CompletionStage} gets: completes with the method's outcome after the span has finished, and
   * hands cancelling and completing on to the method's own future.
   */
  static final class TracedFuture<T> extends CompletableFuture<T> {

    /** The method's own future; {@code null} when its stage is no {@code CompletableFuture}. */
    private final CompletableFuture<T> source;

    private TracedFuture(CompletableFuture<T> source) {
      this.source = source;
    }

    @SuppressWarnings("unchecked")
    static <T> TracedFuture<T> following(TracedSpan span, CompletionStage<T> stage) {
      TracedFuture<T> traced =
          new TracedFuture<>(stage instanceof CompletableFuture<T> future ? future : null);
      stage.whenComplete(
          (value, failure) -> {
            finish(span, value, failure);
            traced.settle(value, failure);
          });
      return traced;
    }

    /** Completes this future as the method's own stage completed: the same value or throwable. */
    private void settle(T value, Throwable failure) {
      if (failure == null) {
        super.complete(value);
      } else {
        super.completeExceptionally(failure);
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = source != null && source.cancel(mayInterruptIfRunning);
      return super.cancel(mayInterruptIfRunning) || cancelled;
    }

    @Override
    public boolean complete(T value) {
      boolean completed = source != null && source.complete(value);
      return super.complete(value) || completed;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
      boolean completed = source != null && source.completeExceptionally(failure);
      return super.completeExceptionally(failure) || completed;
    }
  }
}
