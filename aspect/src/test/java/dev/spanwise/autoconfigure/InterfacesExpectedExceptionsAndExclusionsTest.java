package dev.spanwise.autoconfigure;

import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.autoconfigure.Catalog.JdbcCatalog;
import dev.spanwise.autoconfigure.Catalog.NotListed;
import dev.spanwise.autoconfigure.Catalog.OwnSpanCatalog;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Issue #15 through Spring's proxies, no weaving: {@code @Span} on interface methods (class and
 * JDK proxies), expected exceptions, and {@code spanwise.exclude}.
 */
class InterfacesExpectedExceptionsAndExclusionsTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(AopAutoConfiguration.class, SpanwiseAutoConfiguration.class));

  private SentryCapture sentry;

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @ParameterizedTest(name = "spring.aop.proxy-target-class={0}")
  @ValueSource(booleans = {true, false})
  void beanImplementingAnAnnotatedInterfaceIsTraced(boolean proxyTargetClass) {
    runner
        .withPropertyValues("spring.aop.proxy-target-class=" + proxyTargetClass)
        .withBean(Catalog.class, JdbcCatalog::new)
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              assertThat(AopUtils.isAopProxy(catalog)).isTrue();
              assertThat(AopUtils.isCglibProxy(catalog)).isEqualTo(proxyTargetClass);

              assertThat(catalog.find("p-1")).isEqualTo("product p-1");
              assertThat(catalog.size()).isEqualTo(1);

              SentryTransaction transaction = sentry.onlyTransaction();
              assertThat(root(transaction).getOperation()).isEqualTo("catalog.find");
              assertThat(transaction.getTransaction()).isEqualTo("JdbcCatalog.find");
              assertThat(rootData(transaction))
                  .containsEntry("product.id", "p-1")
                  .containsEntry("product.name_length", 11);
            });
  }

  @ParameterizedTest(name = "spring.aop.proxy-target-class={0}")
  @ValueSource(booleans = {true, false})
  void implementationsOwnSpanWinsOnce(boolean proxyTargetClass) {
    runner
        .withPropertyValues("spring.aop.proxy-target-class=" + proxyTargetClass)
        .withBean(Catalog.class, OwnSpanCatalog::new)
        .run(
            context -> {
              context.getBean(Catalog.class).find("p-2");

              SentryTransaction transaction = sentry.onlyTransaction();
              assertThat(root(transaction).getOperation()).isEqualTo("catalog.own");
              assertThat(transaction.getSpans()).isEmpty();
              assertThat(rootData(transaction)).containsEntry("product.id", "p-2");
            });
  }

  @Test
  void expectedExceptionEndsTheSpanNotFoundWithoutTheThrowable() {
    runner
        .withBean(Catalog.class, JdbcCatalog::new)
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              ITransaction request = Sentry.startTransaction("GET /products", "http.server");
              Throwable thrown;
              try (ISentryLifecycleToken ignored = request.makeCurrent()) {
                thrown = catchThrowable(() -> catalog.find("gone-1"));
              }
              request.finish();

              assertThat(thrown).isExactlyInstanceOf(NotListed.class);
              assertThat(request.getSpans()).singleElement()
                  .satisfies(span -> assertThat(span.getThrowable()).isNull());
              var find = onlyWithOp(sentry.onlyTransaction(), "catalog.find");
              assertThat(find.getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
              assertThat(find.getData()).containsEntry("exception.type", NotListed.class.getName());
            });
  }

  @Test
  void futureFailingWithAnExpectedException() {
    runner
        .withBean(Catalog.class, JdbcCatalog::new)
        .run(
            context -> {
              catchThrowable(() -> context.getBean(Catalog.class).findLater("gone-2").join());

              SentryTransaction transaction = sentry.awaitTransactions(1, Duration.ofSeconds(5)).get(0);
              assertThat(root(transaction).getOperation()).isEqualTo("catalog.find_later");
              assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
            });
  }

  @Test
  void excludedMethodsAreNotAdvisedAndAnInvalidPatternFailsNothing() {
    runner
        .withPropertyValues(
            "spanwise.exclude=dev.spanwise.autoconfigure.Greeter#greet, dev.spanwise..Catalog$*, not#valid#")
        .withBean(Greeter.class)
        .withBean(Catalog.class, JdbcCatalog::new)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Greeter greeter = context.getBean(Greeter.class);
              assertThat(AopUtils.isAopProxy(greeter)).isFalse();
              assertThat(AopUtils.isAopProxy(context.getBean(Catalog.class))).isFalse();

              greeter.greet("ada");
              context.getBean(Catalog.class).find("p-3");

              assertThat(sentry.transactions()).isEmpty();
            });
  }

  @Test
  void excludingTheInterfaceSwitchesOffItsImplementations() {
    runner
        .withPropertyValues("spanwise.exclude=dev.spanwise.autoconfigure.Catalog#find")
        .withBean(Catalog.class, JdbcCatalog::new)
        .run(
            context -> {
              Catalog catalog = context.getBean(Catalog.class);
              catalog.find("p-4");
              catchThrowable(() -> catalog.findLater("p-4").join());

              assertThat(sentry.awaitTransactions(1, Duration.ofSeconds(5)))
                  .extracting(transaction -> root(transaction).getOperation())
                  .containsExactly("catalog.find_later");
            });
  }
}
