package dev.spanwise.benchmarks.spring;

import dev.spanwise.autoconfigure.SpanwiseAutoConfiguration;
import io.opentelemetry.instrumentation.spring.autoconfigure.OpenTelemetryAutoConfiguration;
import io.opentelemetry.instrumentation.spring.autoconfigure.internal.instrumentation.annotations.InstrumentationAnnotationsAutoConfiguration;
import io.sentry.spring7.tracing.SentryTracingConfiguration;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Spring applications of the benchmarks, one per mechanism, each with exactly the
 * auto-configurations its users would get (no component scan, nothing else), so that every bean is
 * reached through one CGLIB proxy with one advisor.
 */
public final class SpringContexts {

  private SpringContexts() {}

  /** Spanwise through its Spring Boot auto-configuration. */
  public static ConfigurableApplicationContext spanwise() {
    return start(SpanwiseApp.class);
  }

  /** Sentry's {@code @SentrySpan}, as Sentry documents it: its tracing configuration imported. */
  public static ConfigurableApplicationContext sentrySpan() {
    return start(SentrySpanApp.class);
  }

  /**
   * OpenTelemetry's Spring Boot starter: its SDK (always sampling, every exporter {@code none}) and
   * its {@code @WithSpan} aspect.
   */
  public static ConfigurableApplicationContext openTelemetry() {
    return start(
        OtelApp.class,
        "otel.traces.exporter=none",
        "otel.metrics.exporter=none",
        "otel.logs.exporter=none",
        "otel.traces.sampler=always_on");
  }

  private static ConfigurableApplicationContext start(Class<?> app, String... properties) {
    return new SpringApplicationBuilder(app)
        .web(WebApplicationType.NONE)
        .bannerMode(Banner.Mode.OFF)
        .logStartupInfo(false)
        .properties("logging.level.root=warn")
        .properties(properties)
        .run();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({AopAutoConfiguration.class, SpanwiseAutoConfiguration.class})
  static class SpanwiseApp {
    @Bean
    ProxiedPayments proxiedPayments() {
      return new ProxiedPayments();
    }

    @Bean
    InterceptedPayments interceptedPayments() {
      return new InterceptedPayments();
    }

    /** The empty interceptor: the floor of any advice on this kind of proxy. */
    @Bean
    static Advisor emptyInterceptorAdvisor() {
      MethodInterceptor proceed = MethodInvocation::proceed;
      return new DefaultPointcutAdvisor(
          AnnotationMatchingPointcut.forMethodAnnotation(InterceptedPayments.Intercepted.class),
          proceed);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(AopAutoConfiguration.class)
  @Import(SentryTracingConfiguration.class)
  static class SentrySpanApp {
    @Bean
    SentrySpanPayments sentrySpanPayments() {
      return new SentrySpanPayments();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    AopAutoConfiguration.class,
    OpenTelemetryAutoConfiguration.class,
    InstrumentationAnnotationsAutoConfiguration.class
  })
  static class OtelApp {
    @Bean
    OtelPayments otelPayments() {
      return new OtelPayments();
    }
  }
}
