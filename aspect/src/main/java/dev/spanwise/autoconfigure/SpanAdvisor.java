package dev.spanwise.autoconfigure;

import dev.spanwise.annotations.Span;
import dev.spanwise.aspect.SpanAspect;
import dev.spanwise.aspect.SpanInterceptor;
import java.lang.reflect.Method;
import java.util.Objects;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.core.Ordered;

/**
 * Runs {@link SpanAspect} around every {@link Span @Span} method of a Spring bean, through Spring
 * AOP's proxies, at an order of its own: the bean's own {@code @Span} methods, and the methods that
 * implement an interface method with a {@code @Span} (a port, a repository, a client interface),
 * whether Spring proxies the bean through its interfaces or its class. Methods that {@code
 * spanwise.exclude} names are not advised.
 *
 * <p>An advisor rather than the {@code @Aspect} as a bean: Spring orders an aspect bean only by
 * {@code Ordered} or {@code @Order} on its class, which {@code SpanAspect} cannot carry without
 * depending on Spring. The advice ({@link SpanInterceptor}) traces a bean's call exactly as {@code
 * SpanAspect} traces a woven one, with the aspect's plans, without building a join point per call.
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
  public SpanAdvisor(SpanAspect aspect) {
    this(aspect, DEFAULT_ORDER);
  }

  /** Creates an advisor at {@code order}; lower values run further out. */
  public SpanAdvisor(SpanAspect aspect, int order) {
    this.advice = new SpanInterceptor(Objects.requireNonNull(aspect, "aspect"));
    this.pointcut = new SpanPointcut(aspect);
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
   * Matches what the aspect traces: a method with its own {@code @Span}, or one that implements an
   * interface method with a {@code @Span}, unless excluded ({@code spanwise.exclude}); an excluded
   * bean method is not advised at all.
   */
  private static final class SpanPointcut extends StaticMethodMatcherPointcut {

    private final SpanAspect aspect;

    SpanPointcut(SpanAspect aspect) {
      this.aspect = aspect;
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
      return aspect.traces(method, targetClass != null ? targetClass : method.getDeclaringClass());
    }
  }
}
