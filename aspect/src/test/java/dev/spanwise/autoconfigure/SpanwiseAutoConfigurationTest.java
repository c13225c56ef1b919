package dev.spanwise.autoconfigure;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.SpanExclusions;
import dev.spanwise.aspect.SpanTracer;
import dev.spanwise.autoconfigure.Ledger.RecordingTransactionManager;
import dev.spanwise.testing.SentryCapture;
import io.sentry.protocol.SentryTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** The auto-configuration, with Sentry initialised by hand ({@code Sentry.init}), no starter. */
class SpanwiseAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(AopAutoConfiguration.class, SpanwiseAutoConfiguration.class))
          .withBean(Greeter.class);

  private SentryCapture sentry;

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void tracesPublicSpanMethodsOfBeansThroughTheirProxies() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(SpanAdvisor.class);
          assertThat(context.getBean(SpanAdvisor.class).getOrder())
              .isEqualTo(SpanAdvisor.DEFAULT_ORDER);
          Greeter greeter = context.getBean(Greeter.class);
          assertThat(AopUtils.isAopProxy(greeter)).isTrue();

          assertThat(greeter.greet("ada")).isEqualTo("hello ada");

          SentryTransaction transaction = sentry.onlyTransaction();
          assertThat(transaction.getTransaction()).isEqualTo("Greeter.greet");
          assertThat(root(transaction).getOperation()).isEqualTo("greeting.compose");
          assertThat(root(transaction).getOrigin()).isEqualTo("auto.function.spanwise");
          assertThat(rootData(transaction))
              .containsEntry("greeting.name", "ada")
              .containsEntry("greeting.length", 9);
        });
  }

  @Test
  void switchedOffByProperty() {
    runner
        .withPropertyValues("spanwise.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(SpanAdvisor.class);
              Greeter greeter = context.getBean(Greeter.class);
              assertThat(AopUtils.isAopProxy(greeter)).isFalse();

              greeter.greet("ada");

              assertThat(sentry.transactions()).isEmpty();
            });
  }

  @Test
  void backsOffWithoutSpringAop() {
    runner
        .withClassLoader(new FilteredClassLoader(Advisor.class))
        .run(context -> assertThat(context).doesNotHaveBean(SpanAdvisor.class));
  }

  @Test
  void applicationsAdvisorWithItsOwnExclusionsTracesOnce() {
    runner
        .withUserConfiguration(OwnAdvisor.class)
        .withBean(Ledger.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(SpanAdvisor.class);

              context.getBean(Greeter.class).greet("ada");
              context.getBean(Ledger.class).post("cash");

              // Only the application's exclusions apply: the greeting is traced, once; the
              // ledger is excluded by the advisor's own tracer, not by the property.
              assertThat(sentry.transactions())
                  .singleElement()
                  .satisfies(
                      transaction -> {
                        assertThat(root(transaction).getOperation())
                            .isEqualTo("greeting.compose");
                        assertThat(transaction.getSpans()).isEmpty();
                      });
            });
  }

  @Test
  void applicationsAdvisorReplacesOurs() {
    runner
        .withBean("ownAdvisor", SpanAdvisor.class, () -> new SpanAdvisor(new SpanTracer(), 7))
        .run(
            context -> {
              assertThat(context).hasSingleBean(SpanAdvisor.class);
              assertThat(context.getBean(SpanAdvisor.class).getOrder()).isEqualTo(7);
            });
  }

  @Test
  void orderComesFromTheProperty() {
    runner
        .withPropertyValues("spanwise.aspect-order=42")
        .run(context -> assertThat(context.getBean(SpanAdvisor.class).getOrder()).isEqualTo(42));
  }

  @Test
  void spanIsCurrentAndOpenWhenTheTransactionCommits() {
    runner
        .withConfiguration(AutoConfigurations.of(TransactionAutoConfiguration.class))
        .withBean(RecordingTransactionManager.class)
        .withBean(Ledger.class)
        .run(
            context -> {
              context.getBean(Ledger.class).post("cash");

              RecordingTransactionManager manager =
                  context.getBean(RecordingTransactionManager.class);
              assertThat(manager.spansAtCommit).singleElement()
                  .satisfies(span -> assertThat(span.getOperation()).isEqualTo("ledger.post"));
              assertThat(manager.openAtCommit).containsExactly(true);
              assertThat(rootData(sentry.onlyTransaction()))
                  .containsEntry("ledger.account", "cash");
            });
  }

  @Test
  void transactionAdviceOrderedFurtherOutCommitsAfterTheSpan() {
    // The counter-example: the order is what puts the commit inside the span.
    runner
        .withConfiguration(AutoConfigurations.of(TransactionAutoConfiguration.class))
        .withUserConfiguration(OutermostTransactions.class)
        .withBean(RecordingTransactionManager.class)
        .withBean(Ledger.class)
        .run(
            context -> {
              context.getBean(Ledger.class).post("cash");

              assertThat(context.getBean(RecordingTransactionManager.class).openAtCommit)
                  .containsExactly(false);
              assertThat(sentry.transactions()).hasSize(1);
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnAdvisor {

    @Bean
    static SpanAdvisor ownAdvisor() {
      return new SpanAdvisor(new SpanTracer(SpanExclusions.parse(Ledger.class.getName() + "#post")));
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableTransactionManagement(order = Ordered.HIGHEST_PRECEDENCE)
  static class OutermostTransactions {}
}
