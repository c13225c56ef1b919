package dev.spanwise.autoconfigure;

import dev.spanwise.annotations.Span;
import dev.spanwise.aspect.SpanInterceptor;
import dev.spanwise.aspect.SpanTracer;
import java.lang.reflect.Method;
import java.util.Objects;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.Ordered;

/**
 * Runs {@link SpanTracer} around every {@link Span @Span} method of a Spring bean, through Spring
 * AOP's proxies, at an order of its own: the bean's own {@code @Span} methods, and the methods that
 * implement an interface method with a {@code @Span} (a port, a repository, a client interface),
 * whether Spring proxies the bean through its interfaces or its class. Methods that {@code
 * spanwise.exclude} names are not advised.
 *
 * <p>An advisor rather than an {@code @Aspect} bean: Spring orders an aspect bean only by {@code
 * Ordered} or {@code @Order} on its class, and builds a join point for its advice at every call.
 * The advice ({@link SpanInterceptor}) traces a bean's call exactly as the woven {@code
 * SpanAspect} traces a woven one, with the tracer's plans, without building a join point per call.
 * To exclude methods in code, give it a tracer of your own: {@code new SpanAdvisor(new
 * SpanTracer(SpanExclusions.parse(...)))}.
 */
public final class SpanAdvisor extends AbstractPointcutAdvisor {

  /**
   * The default order: before (outside) advice at Spring's default {@link
   * Ordered#LOWEST_PRECEDENCE}, such as {@code @Transactional}, {@code @Cacheable} and any aspect
   * without an order, so the span includes the transaction's commit. Lower values run further out.
   */
  public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

  private final transient Pointcut pointcut;
  private final transient Advice advice;

  /** Creates an advisor at {@link #DEFAULT_ORDER}. */
  public SpanAdvisor(SpanTracer tracer) {
    this(tracer, DEFAULT_ORDER);
  }

  /** Creates an advisor at {@code order}; lower values run further out. */
  public SpanAdvisor(SpanTracer tracer, int order) {
    this.advice = new SpanInterceptor(Objects.requireNonNull(tracer, "tracer"));
    this.pointcut = new SpanPointcut(tracer);
    setOrder(order);
  }

  @Override
  public Pointcut getPointcut() {
    return pointcut;
  }

  @Override
  public Advice getAdvice() {
    return advice;
  }

  /**
   * Matches what the tracer traces: a method with its own {@code @Span}, or one that implements an
   * interface method with a {@code @Span}, unless excluded ({@code spanwise.exclude}); an excluded
   * bean method is not advised at all.
   */
  private static final class SpanPointcut extends StaticMethodMatcherPointcut {

    private final SpanTracer tracer;

    SpanPointcut(SpanTracer tracer) {
      this.tracer = tracer;
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
      return tracer.traces(method, targetClass != null ? targetClass : method.getDeclaringClass());
    }
  }
}
