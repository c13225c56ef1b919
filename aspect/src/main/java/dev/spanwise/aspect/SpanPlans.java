package dev.spanwise.aspect;

import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Builds and caches one {@link SpanPlan} per {@code @Span} method. The cache holds one entry per
 * annotated method of the program (and, for a method whose span depends on the implementation
 * that runs, one per method and implementing class), so it never grows with the number of calls.
 *
 * <p>Which {@code @Span} applies to a method, in this order:
 *
 * <ol>
 *   <li>the {@code @Span} of the implementation that runs, when it has its own: it wins;
 *   <li>else the {@code @Span} of an interface method it implements (the interfaces of its class
 *       and of the class's superclasses, nearest first); the class hierarchy itself is not
 *       searched, as Java does not inherit method annotations.
 * </ol>
 *
 * <p>The method-level annotations ({@code @ResultAttribute}, {@code @ExpectedException}) come with
 * the {@code @Span} they sit beside. The {@code @SpanAttribute}s come from the implementation's
 * parameters when any of them has one, else from the interface method's. An excluded method
 * ({@link SpanExclusions}) gets {@link SpanPlan#OFF}.
 */
final class SpanPlans {

  private final SpanExclusions exclusions;
  /** Methods whose plan is their own: a concrete method with its own {@code @Span}. */
  private final ConcurrentMap<Method, SpanPlan> plans = new ConcurrentHashMap<>();
  /** Methods whose plan depends on the class that implements them: interface methods. */
  private final ConcurrentMap<Method, ClassValue<SpanPlan>> byImplementation =
      new ConcurrentHashMap<>();

  SpanPlans(SpanExclusions exclusions) {
    this.exclusions = exclusions;
  }

  static SpanPlans shared() {
    return Shared.PLANS;
  }

  /**
   * The process-wide plans of woven code, made on first use: the system property or environment
   * variable is read (and its invalid patterns reported) only where the woven aspect runs, not
   * when Spring makes plans of its own from {@code spanwise.exclude}.
   */
  private static final class Shared {
    static final SpanPlans PLANS = new SpanPlans(SpanExclusions.fromSystem());
  }

  /**
   * Returns the plan of a call of {@code method} on {@code target} ({@code null} for a static
   * method). {@code method} is the executing method (woven), the interface's method (a JDK proxy, a
   * woven call through an interface) or the class's (a CGLIB proxy).
   */
  SpanPlan planFor(Method method, Object target) {
    SpanPlan plan = plans.get(method);
    if (plan != null) {
      return plan;
    }
    // Looked up before the annotations are read again: a method found here was placed here by an
    // earlier call, and every later call of it (a bean traced through its interface) comes here.
    ClassValue<SpanPlan> perClass = byImplementation.get(method);
    if (perClass == null || target == null) {
      if (target == null || (hasOwnSpan(method) && !method.getDeclaringClass().isInterface())) {
        return plans.computeIfAbsent(method, m -> build(m, m.getDeclaringClass()));
      }
      perClass = byImplementation.computeIfAbsent(method, this::perImplementation);
    }
    return perClass.get(target.getClass());
  }

  /** Returns whether a call of {@code method} on an instance of {@code targetClass} is traced. */
  boolean traces(Method method, Class<?> targetClass) {
    try {
      return resolve(method, targetClass).traced();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private ClassValue<SpanPlan> perImplementation(Method method) {
    return new ClassValue<>() {
      @Override
      protected SpanPlan computeValue(Class<?> targetClass) {
        return build(method, targetClass);
      }
    };
  }

  private SpanPlan build(Method method, Class<?> targetClass) {
    try {
      return resolve(method, targetClass);
    } catch (RuntimeException | LinkageError e) {
      // A class that reflection cannot read completely: the method runs untraced.
      return SpanPlan.OFF;
    }
  }

  /** The plan of {@code method} as it runs on an instance of {@code targetClass}. */
  SpanPlan resolve(Method method, Class<?> targetClass) {
    Method implementation = implementationIn(targetClass, method);
    Method spanMethod;
    if (hasOwnSpan(implementation)) {
      spanMethod = implementation;
    } else if (hasOwnSpan(method)) {
      // A JDK proxy, or a class that does not itself declare the method (a default method).
      spanMethod = method;
    } else {
      spanMethod = interfaceMethod(targetClass, implementation, true);
    }
    if (spanMethod == null
        || exclusions.excludes(implementation)
        || exclusions.excludes(spanMethod)) {
      return SpanPlan.OFF;
    }
    Method parametersFrom = spanMethod;
    if (hasParameterAttributes(implementation)) {
      parametersFrom = implementation;
    } else if (!hasParameterAttributes(spanMethod)) {
      Method annotated = interfaceMethod(targetClass, implementation, false);
      if (annotated != null) {
        parametersFrom = annotated;
      }
    }
    boolean implementationTraced =
        spanMethod == implementation && !Modifier.isAbstract(implementation.getModifiers());
    return build(spanMethod, parametersFrom, implementation, implementationTraced);
  }

  /** The plan of a method with its own {@code @Span}, read from that method alone. */
  static SpanPlan build(Method method) {
    return build(method, method, method, true);
  }

  private static SpanPlan build(
      Method spanMethod, Method parametersFrom, Method implementation, boolean implementationTraced) {
    Span span = spanMethod.getAnnotation(Span.class);
    String op = span == null ? "function" : span.op();
    String name =
        span == null || span.name().isEmpty()
            ? namedClass(spanMethod, implementation).getSimpleName() + "." + implementation.getName()
            : span.name();
    return new SpanPlan(
        op,
        name,
        MethodAttributes.of(parametersFrom, spanMethod, implementation),
        TraceContinuation.of(parametersFrom),
        ResultKind.of(implementation),
        implementation.getReturnType(),
        ExpectedOutcomes.of(spanMethod, span),
        true,
        implementationTraced);
  }

  /**
   * The class a span is named after by default: the implementation's, unless that has no name of
   * its own (a lambda, a JDK proxy), then the interface's.
   */
  private static Class<?> namedClass(Method spanMethod, Method implementation) {
    Class<?> type = implementation.getDeclaringClass();
    if (type.isHidden() || type.isSynthetic() || java.lang.reflect.Proxy.isProxyClass(type)) {
      return spanMethod.getDeclaringClass();
    }
    return type;
  }

  private static boolean hasOwnSpan(Method method) {
    return method.isAnnotationPresent(Span.class);
  }

  private static boolean hasParameterAttributes(Method method) {
    for (Parameter parameter : method.getParameters()) {
      if (parameter.getAnnotationsByType(SpanAttribute.class).length > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The method that runs for {@code method} on an instance of {@code targetClass}: the nearest
   * declaration that overrides or is {@code method}; {@code method} itself when no class declares
   * it (a default method, a proxy), or when it is static or private.
   */
  static Method implementationIn(Class<?> targetClass, Method method) {
    int modifiers = method.getModifiers();
    if (targetClass == null || Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)) {
      return method;
    }
    for (Class<?> c = targetClass; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c == method.getDeclaringClass()) {
        return method;
      }
      Method declared = overriding(c, method);
      if (declared != null) {
        return declared;
      }
    }
    return method;
  }

  /**
   * The interface method that {@code implementation} implements, among the interfaces of {@code
   * start} and of its superclasses (nearest first), which has a {@code @Span} ({@code span}) or a
   * {@code @SpanAttribute} parameter; {@code null} when there is none.
   */
  private static Method interfaceMethod(Class<?> start, Method implementation, boolean span) {
    if (Modifier.isStatic(implementation.getModifiers())
        || Modifier.isPrivate(implementation.getModifiers())) {
      return null;
    }
    Class<?> from = start != null ? start : implementation.getDeclaringClass();
    Deque<Class<?>> queue = new ArrayDeque<>();
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> c = from; c != null; c = c.getSuperclass()) {
      queue.addAll(Arrays.asList(c.getInterfaces()));
    }
    if (from.isInterface()) {
      queue.addFirst(from);
    }
    while (!queue.isEmpty()) {
      Class<?> type = queue.removeFirst();
      if (!seen.add(type)) {
        continue;
      }
      for (Method candidate : type.getDeclaredMethods()) {
        if (candidate != implementation
            && (span ? hasOwnSpan(candidate) : hasParameterAttributes(candidate))
            && implementsMethod(implementation, candidate)) {
          return candidate;
        }
      }
      queue.addAll(Arrays.asList(type.getInterfaces()));
    }
    return null;
  }

  /** The method {@code type} declares that overrides {@code method}, or {@code null}. */
  private static Method overriding(Class<?> type, Method method) {
    for (Method declared : type.getDeclaredMethods()) {
      if (!declared.isBridge()
          && !declared.isSynthetic()
          && !Modifier.isStatic(declared.getModifiers())
          && implementsMethod(declared, method)) {
        return declared;
      }
    }
    return null;
  }

  /**
   * Whether {@code implementation} overrides {@code overridden}: the same name and parameter types,
   * or, for a generic supertype ({@code find(ID)} implemented as {@code find(String)}), parameter
   * types assignable to the erased ones with a bridge method of the erased signature beside it.
   */
  static boolean implementsMethod(Method implementation, Method overridden) {
    if (!implementation.getName().equals(overridden.getName())
        || implementation.getParameterCount() != overridden.getParameterCount()) {
      return false;
    }
    Class<?>[] own = implementation.getParameterTypes();
    Class<?>[] erased = overridden.getParameterTypes();
    if (Arrays.equals(own, erased)) {
      return true;
    }
    for (int i = 0; i < own.length; i++) {
      if (!erased[i].isAssignableFrom(own[i])) {
        return false;
      }
    }
    try {
      Method bridge =
          implementation.getDeclaringClass().getDeclaredMethod(overridden.getName(), erased);
      return bridge.isBridge();
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
