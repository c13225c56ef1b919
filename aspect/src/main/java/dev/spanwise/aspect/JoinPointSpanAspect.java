package dev.spanwise.aspect;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;
import org.aspectj.lang.annotation.SuppressAjWarnings;

/**
 * Traces the woven {@code @Span} methods that need AspectJ's join point: the ones {@code
 * SpanAspect}, which works without one, leaves out. Build-time (ajc) and load-time weaving only;
 * Spring applies {@code SpanAdvisor}.
 *
 * <ul>
 *   <li>A {@code Mono}, {@code Flux} or Kotlin {@code Flow} result is traced per subscription or
 *       collection, and a Kotlin {@code suspend} function per coroutine: they proceed later, or
 *       with a different continuation, through the join point. (Matched by package: a method
 *       returning another type of Reactor's or Kotlin's comes here too.)
 *   <li>A {@code @ContinueTrace} parameter: the trace it carries is read from the arguments before
 *       the span starts.
 *   <li>More than {@value #MOST_PARAMETERS_WITHOUT_JOIN_POINT} parameters: {@code SpanAspect} binds
 *       each argument by position, one advice per parameter count.
 * </ul>
 *
 * <p>AspectJ builds the join point (its arguments boxed into an array, and a closure to proceed)
 * at every call of these methods, before the advice runs, whether the call is traced or not.
 */
@Aspect
public class JoinPointSpanAspect {

  /** The most parameters {@code SpanAspect} binds; keep in step with its advice. */
  static final int MOST_PARAMETERS_WITHOUT_JOIN_POINT = 6;

  /**
   * Executions of {@code @Span} methods. Kotlin compiles an {@code open suspend fun} to the method
   * and a static synthetic {@code name$suspendImpl} that holds its body, with the same
   * annotations: only the method is traced.
   */
  @Pointcut(
      "execution(@dev.spanwise.annotations.Span * *(..))"
          + " && !execution(static * *$suspendImpl(..))")
  public void spanExecution() {}

  /**
   * The methods traced here rather than by {@code SpanAspect}. Reactor's and Kotlin's types are
   * matched by their packages: an exact name that is not on the class path makes ajc warn ("no
   * match for this type name") in every build that weaves this library without them. The few
   * other types of those packages come here too, and are traced as any other result.
   */
  @Pointcut(
      "execution(reactor.core.publisher.* *(..))"
          + " || execution(kotlinx.coroutines.flow.* *(..))"
          + " || execution(* *(.., kotlin.coroutines.*))"
          + " || execution(* *(.., @dev.spanwise.annotations.ContinueTrace (*), ..))"
          + " || execution(* *(*, *, *, *, *, *, *, ..))")
  public void needsJoinPoint() {}

  /** Wraps one call in a span, through its join point. */
  // A program need not have such a method; ajc would warn in its build.
  @SuppressAjWarnings("adviceDidNotMatch")
  @Around("spanExecution() && needsJoinPoint()")
  public Object traceSpan(ProceedingJoinPoint joinPoint) throws Throwable {
    return SpanTracer.woven().trace(joinPoint);
  }
}
