package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.Sentry;
import java.util.Objects;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.aspectj.MethodInvocationProceedingJoinPoint;

/**
 * {@link SpanTracer}'s tracing as a Spring AOP {@code MethodInterceptor}: what {@code
 * dev.spanwise.autoconfigure.SpanAdvisor} runs around a bean's {@code @Span} method. Not API.
 *
 * <p>It traces the call exactly as the woven aspects do, with the tracer's plans, but on the {@code
 * MethodInvocation} itself: Spring's {@code MethodInvocationProceedingJoinPoint} would cost an
 * object per call, a signature object on first use, a copy of the arguments, and a clone of the
 * invocation to proceed, whether the call is traced or not. Only the kinds that proceed themselves
 * (a publisher, a Kotlin {@code suspend} function or {@code Flow}) get that join point.
 */
public final class SpanInterceptor implements MethodInterceptor {

  private final SpanTracer tracer;

  /** Creates the advice of {@code tracer}, whose plans it shares. */
  public SpanInterceptor(SpanTracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  public Object invoke(MethodInvocation invocation) throws Throwable {
    // Spring's proxies always pass a ProxyMethodInvocation; anything else is left untraced.
    if (!(invocation instanceof ProxyMethodInvocation proxyInvocation)) {
      return invocation.proceed();
    }
    // Sentry off (not initialised, or closed): the call costs one check and nothing else.
    IScopes scopes = Sentry.getCurrentScopes();
    if (!scopes.isEnabled()) {
      return invocation.proceed();
    }
    SpanPlan plan = tracer.plans().planFor(invocation.getMethod(), invocation.getThis());
    if (!plan.traced()) {
      // Excluded (spanwise.exclude): SpanAdvisor's pointcut leaves such methods unadvised, but a
      // bean's proxy may carry this advice for other methods of the same class.
      return invocation.proceed();
    }
    if (plan.resultKind().tracedApart()) {
      return SpanTracer.traceApart(
          plan, scopes, new MethodInvocationProceedingJoinPoint(proxyInvocation));
    }
    // The invocation's own arguments: read before the call, never kept or changed.
    TracedSpan span = TracedSpan.start(plan, scopes, invocation.getArguments());
    if (span == null) {
      return invocation.proceed();
    }
    Object result;
    try {
      result = invocation.proceed();
    } catch (Throwable thrown) {
      throw SpanTracer.failed(span, thrown);
    }
    return SpanTracer.returned(plan, span, result);
  }
}
