package dev.spanwise.autoconfigure;

import dev.spanwise.aspect.SpanTracer;
import dev.spanwise.aspect.SpanExclusions;
import io.sentry.Sentry;
import org.aspectj.lang.ProceedingJoinPoint;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Traces every public {@code @Span} method of the application's beans, with no configuration of
 * the application's own.
 *
 * <ul>
 *   <li>Active when Spring AOP, AspectJ's annotations, Sentry and {@code spanwise-aspect} are on the
 *       class path, and {@value #ENABLED_PROPERTY} is not {@code false}.
 *   <li>Registers a {@link SpanAdvisor}, which Spring Boot's AOP auto-configuration (on by default,
 *       {@code spring.aop.auto}) applies through proxies: public methods called from outside the
 *       bean. Calls from inside the same object and private methods need AspectJ weaving instead.
 *   <li>Backs off when the application defines a {@link SpanAdvisor} bean (with a {@link
 *       SpanTracer} of its own to exclude methods in code).
 *   <li>Order: {@value #ORDER_PROPERTY}, default {@link SpanAdvisor#DEFAULT_ORDER}, outside {@code
 *       @Transactional} at its default order, so a span includes the commit.
 *   <li>{@value #EXCLUDE_PROPERTY} switches named classes, methods and packages off ({@link
 *       SpanExclusions}); Spring reads it from any of its property sources, the environment
 *       variable {@code SPANWISE_EXCLUDE} included.
 *   <li>The properties are described by {@link SpanwiseProperties}, from which the jar's
 *       configuration metadata is generated.
 *   <li>Do not combine with build-time or load-time weaving of the same classes: each call would be
 *       traced twice. Set {@value #ENABLED_PROPERTY} to {@code false} when the classes are woven.
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass({Advisor.class, ProceedingJoinPoint.class, Sentry.class, SpanTracer.class})
@ConditionalOnBooleanProperty(name = SpanwiseAutoConfiguration.ENABLED_PROPERTY, matchIfMissing = true)
public final class SpanwiseAutoConfiguration {

  /** Switches the auto-configuration off when {@code false}; default {@code true}. */
  public static final String ENABLED_PROPERTY = SpanwiseProperties.PREFIX + ".enabled";

  /** The {@link SpanAdvisor}'s order; default {@link SpanAdvisor#DEFAULT_ORDER}. */
  public static final String ORDER_PROPERTY = SpanwiseProperties.PREFIX + ".aspect-order";

  /** The {@code @Span} methods switched off; see {@link SpanExclusions} for the patterns. */
  public static final String EXCLUDE_PROPERTY = SpanwiseProperties.PREFIX + ".exclude";

  /**
   * Static and infrastructure, as Spring's own advisors: the auto-proxy creator, a bean post
   * processor, looks advisors up before the application's beans exist.
   */
  @Bean
  @ConditionalOnMissingBean(SpanAdvisor.class)
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static SpanAdvisor spanwiseAdvisor(Environment environment) {
    // Bound here rather than injected as a bean: this method runs before the application's beans.
    SpanwiseProperties properties =
        Binder.get(environment).bindOrCreate(SpanwiseProperties.PREFIX, SpanwiseProperties.class);
    return new SpanAdvisor(
        new SpanTracer(SpanExclusions.parse(properties.exclude())), properties.aspectOrder());
  }
}
