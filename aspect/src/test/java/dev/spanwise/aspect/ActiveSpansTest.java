package dev.spanwise.aspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.testing.SentryCapture;
import io.sentry.IScope;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Scope;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scope gets back exactly the explicitly active span it had, or none, after a call made another
 * span active: on Sentry's own {@code Scope}, whose field is read and written back, and on any
 * other scope (here a proxy of Sentry's), through the public API.
 */
class ActiveSpansTest {

  private SentryCapture sentry;
  private ITransaction transaction;

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
    transaction =
        Sentry.startTransaction(
            new TransactionContext("GET /", "http.server", new TracesSamplingDecision(true)));
  }

  @AfterEach
  void closeSentry() {
    transaction.finish();
    sentry.close();
  }

  static Stream<Arguments> scopes() {
    Function<SentryOptions, IScope> sentrys = Scope::new;
    Function<SentryOptions, IScope> other = options -> proxyOf(new Scope(options));
    return Stream.of(Arguments.of("Sentry's Scope", sentrys), Arguments.of("another IScope", other));
  }

  @Test
  void sentrysScopeIsReadFromItsField() {
    // Fails when a Sentry upgrade renames the field: calls would then pay the public API's copies.
    assertThat(ActiveSpans.readsField(new Scope(Sentry.getCurrentScopes().getOptions()))).isTrue();
    assertThat(ActiveSpans.readsField(proxyOf(new Scope(new SentryOptions())))).isFalse();
    assertThat(ActiveSpans.scopeField("noSuchField")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void noSpanAndNoTransactionStayNone(String kind, Function<SentryOptions, IScope> newScope) {
    IScope scope = newScope.apply(new SentryOptions());

    Object saved = ActiveSpans.save(scope);
    scope.setActiveSpan(transaction.startChild("call"));
    ActiveSpans.restore(scope, saved);

    assertThat(scope.getSpan()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void aSpanDerivedFromTheTransactionIsNotMadeExplicit(
      String kind, Function<SentryOptions, IScope> newScope) {
    IScope scope = newScope.apply(new SentryOptions());
    scope.setTransaction(transaction);
    ISpan latest = transaction.startChild("db.query");
    assertThat(scope.getSpan()).isSameAs(latest);

    Object saved = ActiveSpans.save(scope);
    scope.setActiveSpan(transaction.startChild("call"));
    ActiveSpans.restore(scope, saved);

    // Still derived: the transaction's span started after the call is what the scope answers.
    ISpan later = transaction.startChild("http.client");
    assertThat(scope.getSpan()).isSameAs(later);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scopes")
  void anExplicitlyActiveSpanComesBack(String kind, Function<SentryOptions, IScope> newScope) {
    IScope scope = newScope.apply(new SentryOptions());
    scope.setTransaction(transaction);
    ISpan active = transaction.startChild("request.handler");
    scope.setActiveSpan(active);
    transaction.startChild("db.query");

    Object saved = ActiveSpans.save(scope);
    ISpan call = transaction.startChild("call");
    scope.setActiveSpan(call);
    assertThat(scope.getSpan()).isSameAs(call);
    ActiveSpans.restore(scope, saved);

    // Still explicit: spans started later in the transaction do not replace it.
    transaction.startChild("http.client");
    assertThat(scope.getSpan()).isSameAs(active);
  }

  private static IScope proxyOf(Scope scope) {
    InvocationHandler delegate =
        (proxy, method, arguments) -> {
          try {
            return method.invoke(scope, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (IScope)
        Proxy.newProxyInstance(
            ActiveSpansTest.class.getClassLoader(), new Class<?>[] {IScope.class}, delegate);
  }
}
