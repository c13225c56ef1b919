package dev.spanwise.aspect;

import io.sentry.Sentry;
import java.lang.reflect.Method;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.SuppressAjWarnings;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Traces woven calls of interface methods that have a {@link dev.spanwise.annotations.Span @Span}
 * (a port, a repository, a client interface): every implementation, for build-time (ajc) and
 * load-time weaving. Spring's proxies need none of it: {@code SpanAdvisor} matches the
 * implementations of annotated interface methods itself.
 *
 * <p>Why calls and not executions: Java does not inherit method annotations, and AspectJ matches a
 * method's annotations on the method that runs only, so {@code execution(@Span * *(..))} does not
 * match {@code JdbcOrders.find} when only {@code Orders.find} is annotated. The declaring-type
 * patterns that would match it ({@code execution(* (@Marker *).*(..))}) need an annotation on the
 * interface type, which AspectJ can declare ({@code declare @type}) only with {@code -XhasMember},
 * in code-style aspects, and, under the load-time weaver, only once the interface has been woven,
 * which is after the first implementation. A call's signature, though, is the method as the caller
 * names it: the interface's, with its annotation, whatever class implements it. So:
 *
 * <ul>
 *   <li>a call through the interface type ({@code orders.find(id)}, {@code orders} declared as
 *       the interface) from woven code is traced, for every implementation, a lambda or a JDK proxy
 *       included; under the load-time weaver, every class loaded is woven code;
 *   <li>not matched: a call through a class type ({@code jdbcOrders.find(id)}), from code that is
 *       not woven (a framework's reflection, a method reference), and {@code super} calls;
 *   <li>an implementation with its own {@code @Span} is traced by its execution ({@code
 *       SpanAspect}), with its own {@code @Span}, not here; so is a default method with a {@code
 *       @Span}: one span per call;
 *   <li>a Spring bean is traced by its proxy; do not weave classes that Spring also proxies.
 * </ul>
 *
 * <p>Annotation style, as a call's join point is needed here anyway: which span applies depends on
 * the target the call reaches.
 */
@Aspect
public class InterfaceSpanAspect {

  private final SpanTracer spans;

  /** Creates the aspect with the process-wide plan cache; AspectJ uses this. */
  public InterfaceSpanAspect() {
    this(SpanTracer.woven());
  }

  InterfaceSpanAspect(SpanTracer spans) {
    this.spans = spans;
  }

  /**
   * Wraps one woven call of an annotated interface method in a span, unless the implementation
   * that runs has its own {@code @Span}. The pointcut leaves out any call whose signatures include
   * a class's method: a call of a class's own {@code @Span} method is {@code SpanAspect}'s.
   */
  // A program need not have such a method; ajc would warn in its build.
  @SuppressAjWarnings("adviceDidNotMatch")
  @Around(
      "call(@dev.spanwise.annotations.Span * *(..))"
          + " && !call(* (!is(InterfaceType)).*(..))")
  public Object traceInterfaceCall(ProceedingJoinPoint joinPoint) throws Throwable {
    if (!Sentry.getCurrentScopes().isEnabled()) {
      return joinPoint.proceed();
    }
    Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
    SpanPlan plan = spans.plans().planFor(method, joinPoint.getTarget());
    if (!plan.traced() || plan.implementationTraced()) {
      return joinPoint.proceed();
    }
    return spans.trace(joinPoint);
  }
}
