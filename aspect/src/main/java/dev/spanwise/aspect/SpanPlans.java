package dev.spanwise.aspect;

import dev.spanwise.annotations.Span;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Builds and caches one {@link SpanPlan} per {@code @Span} method. The cache holds one entry per
 * annotated method of the program, so it never grows with the number of calls.
 */
final class SpanPlans {

  private static final SpanPlans SHARED = new SpanPlans();

  private final ConcurrentMap<Method, SpanPlan> plans = new ConcurrentHashMap<>();

  static SpanPlans shared() {
    return SHARED;
  }

  /**
   * Returns the plan of {@code method}. Through a JDK proxy, {@code method} is the interface's,
   * without the annotation: then the implementation's method on {@code target}'s class is used.
   */
  SpanPlan planFor(Method method, Object target) {
    SpanPlan plan = plans.get(method);
    if (plan != null) {
      return plan;
    }
    Method annotated = annotatedMethod(method, target);
    return plans.computeIfAbsent(annotated, SpanPlans::build);
  }

  private static Method annotatedMethod(Method method, Object target) {
    if (method.isAnnotationPresent(Span.class) || target == null) {
      return method;
    }
    try {
      Method specific = target.getClass().getMethod(method.getName(), method.getParameterTypes());
      return specific.isAnnotationPresent(Span.class) ? specific : method;
    } catch (NoSuchMethodException e) {
      return method;
    }
  }

  static SpanPlan build(Method method) {
    Span span = method.getAnnotation(Span.class);
    String op = span == null ? "function" : span.op();
    String name =
        span == null || span.name().isEmpty()
            ? method.getDeclaringClass().getSimpleName() + "." + method.getName()
            : span.name();
    return new SpanPlan(
        op,
        name,
        MethodAttributes.of(method),
        TraceContinuation.of(method),
        ResultKind.of(method),
        method.getReturnType());
  }
}
