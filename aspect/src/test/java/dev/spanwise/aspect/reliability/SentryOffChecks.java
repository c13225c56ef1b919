package dev.spanwise.aspect.reliability;

import io.sentry.Sentry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What "behaves exactly as without the library" means, checked on {@link Plain}: same results,
 * the very same exception instances, no active span, no attribute read. Run in the test JVM and in
 * a fresh one where Sentry was never initialised ({@link #main}).
 */
final class SentryOffChecks {

  /** How many checks {@link #run} makes. */
  static final int CHECKS = 10;

  private SentryOffChecks() {}

  /** Runs every check and returns the ones that failed, described. */
  static List<String> run() {
    List<String> failures = new ArrayList<>();
    Plain plain = new Plain();
    Plain.ReadCounter counter = new Plain.ReadCounter();
    check(failures, "Plain is woven by the aspect", isWoven());
    check(failures, "greet returns its result", "hello ada".equals(plain.greet(counter, "ada")));
    check(failures, "a result is returned as the same instance", plain.same(counter) == counter);
    IOException checked = new IOException("checked");
    check(failures, "a checked exception is rethrown as is", thrownBy(plain, checked) == checked);
    AssertionError error = new AssertionError("error");
    check(failures, "an Error is rethrown as is", thrownBy(plain, error) == error);
    check(failures, "no span is active inside", plain.active() == null);
    check(failures, "self-invocation recurses", plain.nest(5) == 5);
    check(failures, "null is returned", plain.nothing() == null);
    check(failures, "no attribute was read", counter.reads == 0);
    check(failures, "no span is active after", Sentry.getSpan() == null);
    return failures;
  }

  static boolean isWoven() {
    return Arrays.stream(Plain.class.getDeclaredFields()).anyMatch(f -> f.getName().startsWith("ajc$"));
  }

  private static Throwable thrownBy(Plain plain, Throwable failure) {
    try {
      plain.fail(new Plain.ReadCounter(), failure);
      return null;
    } catch (Throwable thrown) {
      return thrown;
    }
  }

  private static void check(List<String> failures, String what, boolean held) {
    if (!held) {
      failures.add(what);
    }
  }

  /** In a JVM where nothing initialised Sentry: prints the failures, exits 1 when there are any. */
  public static void main(String[] args) {
    List<String> failures = new ArrayList<>();
    check(failures, "Sentry was never initialised", !Sentry.isEnabled());
    failures.addAll(run());
    System.out.println(failures.isEmpty() ? "all " + CHECKS + " checks held" : failures);
    System.exit(failures.isEmpty() ? 0 : 1);
  }
}
