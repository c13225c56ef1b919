package dev.spanwise.aspect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.testing.FreshWovenJvm;
import dev.spanwise.testing.SentryCapture;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8.4: with Sentry never initialised, closed, disabled ({@code enabled=false}) or without a
 * DSN, every {@code @Span} method behaves exactly as without the library.
 */
@Timeout(90)
class SentryOffTest {

  private static final Map<String, String> OUTCOMES = new TreeMap<>();

  @AfterEach
  void closeSentry() {
    Sentry.close();
  }

  @AfterAll
  static void writeFigures() {
    ReliabilityFigures figures = ReliabilityFigures.of("sentry-off").put("checks.per.case", SentryOffChecks.CHECKS);
    OUTCOMES.forEach((name, outcome) -> figures.put("case." + name, outcome));
    figures.write();
  }

  @Test
  void neverInitialisedInAFreshJvm() throws Exception {
    FreshWovenJvm.Outcome child = FreshWovenJvm.run(SentryOffChecks.class);

    assertThat(child.exited()).as("the child JVM finished").isTrue();
    assertThat(child.exitValue()).as(child.printed()).isZero();
    assertThat(child.printed()).contains("all " + SentryOffChecks.CHECKS + " checks held");
    OUTCOMES.put("never_initialised", "unchanged (fresh JVM with the weaver)");
  }

  @Test
  void closed() {
    SentryCapture.start().close();

    assertBehavesAsWithoutTheLibrary("closed", options -> {}, false);
  }

  @Test
  void disabled() {
    assertBehavesAsWithoutTheLibrary("enabled_false", options -> options.setEnabled(false), true);
  }

  @Test
  void emptyDsn() {
    assertBehavesAsWithoutTheLibrary("empty_dsn", options -> options.setDsn(""), true);
  }

  private static void assertBehavesAsWithoutTheLibrary(
      String name, Consumer<SentryOptions> off, boolean init) {
    AtomicInteger sent = new AtomicInteger();
    if (init) {
      Sentry.init(
          options -> {
            options.setDsn(SentryCapture.LOOPBACK_DSN);
            options.setTracesSampleRate(1.0);
            options.setEnableUncaughtExceptionHandler(false);
            options.setBeforeSendTransaction(
                (transaction, hint) -> {
                  sent.incrementAndGet();
                  return null;
                });
            off.accept(options);
          });
    }

    assertThat(Sentry.isEnabled()).isFalse();
    assertThat(SentryOffChecks.run()).isEmpty();
    assertThat(sent).hasValue(0);
    OUTCOMES.put(name, "unchanged");
  }
}
