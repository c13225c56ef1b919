package dev.spanwise.aspect;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Decides, once per method from its declared return type, when a {@code @Span} method's span ends,
 * and ends the span of a {@link CompletionStage} result when it completes.
 *
 * <p>A {@code CompletionStage} (a {@code CompletableFuture} included) keeps its span open until it
 * completes: {@code ok} with the result attributes read from the completed value, {@code
 * internal_error} and the throwable when it fails ({@link CompletionException} unwrapped), {@code
 * cancelled} when it is cancelled. The callback is attached to the very object the method
 * returned, which is returned unchanged: {@link java.util.concurrent.CompletableFuture#cancel}
 * completes that object with a {@link CancellationException}, which the callback sees.
 *
 * <p>When the method returns, a root span (a transaction) is unbound from the caller's scope, and
 * a child span stops being current: {@link CurrentSpans} makes its parent the scope's active span
 * again, so the calls after it are its siblings even though it is still open.
 */
final class AsyncResults {

  /** When a method's span ends. */
  enum Kind {
    /** On return or throw: every return type but the ones below. */
    PLAIN,
    /** When the returned {@code CompletionStage} completes. */
    COMPLETION_STAGE,
    /** Per subscription of the returned {@code Mono} or {@code Flux}: see {@link ReactorResults}. */
    PUBLISHER
  }

  private static final String MONO = "reactor.core.publisher.Mono";
  private static final String FLUX = "reactor.core.publisher.Flux";

  private AsyncResults() {}

  /**
   * Returns the kind for a declared return type. {@code Mono} and {@code Flux} count only when
   * declared exactly (a decorated publisher of a subclass would not fit the caller's variable) and
   * only when they are the Reactor that Spanwise links against. Reactor's classes are compared by
   * name, so nothing of Reactor is loaded for a method that does not return it.
   */
  static Kind kindOf(Class<?> returnType) {
    if (CompletionStage.class.isAssignableFrom(returnType)) {
      return Kind.COMPLETION_STAGE;
    }
    String name = returnType.getName();
    if ((name.equals(MONO) || name.equals(FLUX)) && ReactorPresence.isSpanwisesReactor(returnType)) {
      return Kind.PUBLISHER;
    }
    return Kind.PLAIN;
  }

  /**
   * Ends {@code call}'s span when {@code result} completes; returns {@code result} itself. Never
   * throws: when the callback cannot be attached, the span ends now.
   */
  static Object finishOnCompletion(TracedCall call, Object result) {
    if (!(result instanceof CompletionStage<?> stage)) {
      return call.completed(result);
    }
    try {
      stage.whenComplete((value, failure) -> finish(call, value, failure));
      if (!call.span().isFinished()) {
        // Still running: a root must not stay the caller's transaction once the method returned.
        CurrentSpans.unbindTransaction(call.span());
      }
    } catch (RuntimeException | LinkageError e) {
      call.completedWithoutValue();
    }
    return result;
  }

  private static void finish(TracedCall call, Object value, Throwable failure) {
    if (failure == null) {
      call.completed(value);
      return;
    }
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      call.cancelled();
    } else {
      call.threw(cause);
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

  /** Looks Reactor up once, the first time a method declares {@code Mono} or {@code Flux}. */
  private static final class ReactorPresence {

    private static final Class<?> MONO_CLASS = find(MONO);
    private static final Class<?> FLUX_CLASS = find(FLUX);

    static boolean isSpanwisesReactor(Class<?> type) {
      return type == MONO_CLASS || type == FLUX_CLASS;
    }

    private static Class<?> find(String name) {
      try {
        return Class.forName(name, false, AsyncResults.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }
  }
}
