package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.Sentry;
import java.lang.reflect.Method;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Traces every execution of a {@link dev.spanwise.annotations.Span @Span} method as a Sentry span.
 *
 * <p>Written in AspectJ's annotation style so that one class serves Spring AOP (as a bean), build
 * time weaving (ajc, as an aspect library) and load-time weaving ({@code META-INF/aop.xml}). Its
 * pointcut is one that Spring AOP can evaluate too (no {@code if()}): an application may declare
 * this class as its own Spring {@code @Aspect} bean. Spring Boot's auto-configuration applies it
 * through {@link SpanInterceptor} instead, which spares the join point Spring would build per call.
 *
 * <p>The advice never changes what the method returns or throws: the tracing work around {@code
 * proceed()} reports its own failures on the span instead of throwing.
 *
 * <p>Which {@code @Span} applies (the method's own, or an interface method's it implements) and
 * whether {@code spanwise.exclude} switches it off is decided once per method, in its plan ({@link
 * SpanPlans}, {@link SpanExclusions}). Woven calls of interface methods that carry the {@code
 * @Span} are {@link InterfaceSpanAspect}'s: AspectJ's {@code execution} pointcut does not see an
 * interface method's annotations on its implementations.
 */
@Aspect
public class SpanAspect {

  private final SpanPlans plans;

  /** Creates the aspect with the process-wide plan cache; AspectJ and Spring both use this. */
  public SpanAspect() {
    this(SpanPlans.shared());
  }

  /**
   * Creates the aspect with its own plans, excluding what {@code exclusions} name instead of what
   * the system property or environment variable does: Spring's auto-configuration passes {@code
   * spanwise.exclude}.
   */
  public SpanAspect(SpanExclusions exclusions) {
    this(new SpanPlans(java.util.Objects.requireNonNull(exclusions, "exclusions")));
  }

  SpanAspect(SpanPlans plans) {
    this.plans = plans;
  }

  SpanPlans plans() {
    return plans;
  }

  /**
   * Wraps one call of a {@code @Span} method in a span. Kotlin compiles an {@code open suspend
   * fun} to the method and a static synthetic {@code name$suspendImpl} that holds its body, with
   * the same annotations: only the method is traced.
   */
  @Around(
      "execution(@dev.spanwise.annotations.Span * *(..))"
          + " && !execution(static * *$suspendImpl(..))")
  public Object traceSpan(ProceedingJoinPoint joinPoint) throws Throwable {
    // Sentry off (not initialised, or closed): the call costs one check and nothing else.
    IScopes scopes = Sentry.getCurrentScopes();
    if (!scopes.isEnabled()) {
      return joinPoint.proceed();
    }
    Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
    SpanPlan plan = plans.planFor(method, joinPoint.getTarget());
    if (!plan.traced()) {
      // Excluded (spanwise.exclude): as with Sentry off.
      return joinPoint.proceed();
    }
    if (plan.resultKind().tracedApart()) {
      return traceApart(plan, scopes, joinPoint);
    }
    TracedSpan span = TracedSpan.start(plan, scopes, joinPoint);
    if (span == null) {
      return joinPoint.proceed();
    }
    Object result;
    try {
      result = joinPoint.proceed();
    } catch (Throwable thrown) {
      throw failed(span, thrown);
    }
    return returned(plan, span, result);
  }

  /**
   * After the call threw {@code thrown}: finishes the span with it and gives the scope back;
   * returns {@code thrown}, unchanged, to be rethrown. Every way in ends a call through here.
   */
  static Throwable failed(TracedSpan span, Throwable thrown) {
    span.failed(thrown);
    span.leave();
    return thrown;
  }

  /**
   * After the call returned {@code result}: finishes the span now or when the result completes,
   * and gives the scope back; returns what the caller gets. Every way in ends a call through here.
   */
  static Object returned(SpanPlan plan, TracedSpan span, Object result) {
    try {
      return plan.resultKind() == ResultKind.COMPLETION_STAGE
          ? FutureResults.finishOnCompletion(span, result, plan.returnType())
          : span.succeeded(result);
    } finally {
      span.leave();
    }
  }

  /**
   * Returns whether a call of {@code method} on an instance of {@code targetClass} is traced: it
   * or an interface method it implements has a {@code @Span}, and it is not excluded. For Spring's
   * pointcut ({@code SpanAdvisor}); not needed otherwise.
   */
  public boolean traces(Method method, Class<?> targetClass) {
    return plans.traces(method, targetClass);
  }

  /** The kinds whose span is not the call's: per subscription, per collection, per coroutine. */
  static Object traceApart(SpanPlan plan, IScopes scopes, ProceedingJoinPoint joinPoint)
      throws Throwable {
    return switch (plan.resultKind()) {
      case PUBLISHER -> ReactorResults.traceEachSubscription(plan, scopes, joinPoint);
      case SUSPEND -> SuspendResults.traceCoroutine(plan, scopes, joinPoint);
      case FLOW -> FlowResults.traceEachCollection(plan, joinPoint);
      default -> joinPoint.proceed();
    };
  }
}
