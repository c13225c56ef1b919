package dev.spanwise.aspect;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionStage;

/**
 * When a {@code @Span} method's span ends, decided once per method from its declared return type.
 * Only this: starting the span, making it current and finishing it are {@link TracedSpan}'s.
 */
enum ResultKind {
  /** On return or throw: every return type but the ones below ({@code Future} included). */
  PLAIN(false),
  /**
   * When the returned {@code CompletionStage} completes, before anyone who observes what the
   * method returned: see {@link FutureResults}.
   */
  COMPLETION_STAGE(false),
  /** Per subscription of the returned {@code Mono} or {@code Flux}: see {@link ReactorResults}. */
  PUBLISHER(true),
  /** When a Kotlin {@code suspend} function's coroutine completes: see {@link SuspendResults}. */
  SUSPEND(true),
  /** Per collection of the returned Kotlin {@code Flow}: see {@link FlowResults}. */
  FLOW(true);

  private static final String MONO = "reactor.core.publisher.Mono";
  private static final String FLUX = "reactor.core.publisher.Flux";
  private static final String CONTINUATION = "kotlin.coroutines.Continuation";
  private static final String KOTLIN_FLOW = "kotlinx.coroutines.flow.Flow";

  private final boolean tracedApart;

  ResultKind(boolean tracedApart) {
    this.tracedApart = tracedApart;
  }

  /**
   * Returns whether the call is traced by this kind's own class rather than around {@code
   * proceed()} in {@link SpanTracer}: the one check plain methods pay for every kind below.
   */
  boolean tracedApart() {
    return tracedApart;
  }

  /**
   * Returns the kind for a method: {@link #SUSPEND} when it is a Kotlin {@code suspend} function
   * (compiled with a last {@code Continuation} parameter), else the kind of its return type.
   * Kotlin's classes are compared by name, so nothing of Kotlin is loaded for a Java method.
   */
  static ResultKind of(Method method) {
    Class<?>[] parameters = method.getParameterTypes();
    if (parameters.length > 0 && parameters[parameters.length - 1].getName().equals(CONTINUATION)) {
      return SUSPEND;
    }
    if (method.getReturnType().getName().equals(KOTLIN_FLOW)) {
      return FLOW;
    }
    return of(method.getReturnType());
  }

  /**
   * Returns the kind for a declared return type. {@code Mono} and {@code Flux} count only when
   * declared exactly (a decorated publisher of a subclass would not fit the caller's variable) and
   * only when they are the Reactor that Spanwise links against. Reactor's classes are compared by
   * name, so nothing of Reactor is loaded for a method that does not return it.
   */
  static ResultKind of(Class<?> returnType) {
    if (CompletionStage.class.isAssignableFrom(returnType)) {
      return COMPLETION_STAGE;
    }
    String name = returnType.getName();
    if ((name.equals(MONO) || name.equals(FLUX)) && ReactorPresence.isSpanwisesReactor(returnType)) {
      return PUBLISHER;
    }
    return PLAIN;
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
        return Class.forName(name, false, ResultKind.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        return null;
      }
    }
  }
}
