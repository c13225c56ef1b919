package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.fixtures.Switchboard;
import dev.spanwise.aspect.fixtures.dark.Dark;
import dev.spanwise.testing.SentryCapture;
import org.junit.jupiter.api.Test;

/**
 * {@code spanwise.exclude}: the grammar, and the test JVM's own setting (aspect/pom.xml), read
 * once by the woven aspect: {@code dev.spanwise.aspect.fixtures.Switchboard#off*}, {@code
 * dev.spanwise.aspect.fixtures.dark..*} and an invalid pattern, which is ignored.
 */
class SpanExclusionsTest {

  @Test
  void classPatternMatchesEveryMethodOfThatClassOnly() {
    SpanExclusions exclusions = SpanExclusions.parseQuietly("com.acme.Cart");

    assertThat(exclusions.excludes("com.acme.Cart", "total")).isTrue();
    assertThat(exclusions.excludes("com.acme.CartLine", "total")).isFalse();
    assertThat(exclusions.excludes("com.acme.Cart$Line", "total")).isFalse();
    assertThat(exclusions.excludes("com.acme.internal.Cart", "total")).isFalse();
  }

  @Test
  void methodPatternMatchesByNameWithWildcards() {
    SpanExclusions exclusions = SpanExclusions.parseQuietly("com.acme.Cart#total, com.acme.Shop#get*");

    assertThat(exclusions.excludes("com.acme.Cart", "total")).isTrue();
    assertThat(exclusions.excludes("com.acme.Cart", "totals")).isFalse();
    assertThat(exclusions.excludes("com.acme.Shop", "getPrice")).isTrue();
    assertThat(exclusions.excludes("com.acme.Shop", "get")).isTrue();
    assertThat(exclusions.excludes("com.acme.Shop", "put")).isFalse();
  }

  @Test
  void starMatchesWithinOnePackageAndDotDotAcrossSubpackages() {
    SpanExclusions onePackage = SpanExclusions.parseQuietly("com.acme.internal.*");
    SpanExclusions subpackages = SpanExclusions.parseQuietly("com.acme..*");

    assertThat(onePackage.excludes("com.acme.internal.Cache", "get")).isTrue();
    assertThat(onePackage.excludes("com.acme.internal.Cache$Entry", "get")).isTrue();
    assertThat(onePackage.excludes("com.acme.internal.deep.Cache", "get")).isFalse();
    assertThat(onePackage.excludes("com.acme.Cart", "get")).isFalse();
    assertThat(subpackages.excludes("com.acme.Cart", "get")).isTrue();
    assertThat(subpackages.excludes("com.acme.internal.deep.Cache", "get")).isTrue();
    assertThat(subpackages.excludes("com.acmeish.Cart", "get")).isFalse();
    assertThat(subpackages.excludes("org.other.Cart", "get")).isFalse();
  }

  @Test
  void nestedClassesAndPrefixes() {
    SpanExclusions exclusions = SpanExclusions.parseQuietly("com.acme.Cart$*\ncom.acme.Legacy*#run");

    assertThat(exclusions.excludes("com.acme.Cart$Line", "total")).isTrue();
    assertThat(exclusions.excludes("com.acme.Cart", "total")).isFalse();
    assertThat(exclusions.excludes("com.acme.LegacyBilling", "run")).isTrue();
    assertThat(exclusions.excludes("com.acme.LegacyBilling", "stop")).isFalse();
  }

  @Test
  void invalidPatternsAreIgnoredAndListedTheOthersApply() {
    SpanExclusions exclusions =
        SpanExclusions.parseQuietly(
            "com.acme.Cart#, com..., .com.acme.X, com/acme/Y, com.acme.Ok, a#b#c, com.acme.Z#(x)");

    assertThat(exclusions.invalidPatterns())
        .containsExactly("com.acme.Cart#", "com...", ".com.acme.X", "com/acme/Y", "a#b#c", "com.acme.Z#(x)");
    assertThat(exclusions.excludes("com.acme.Ok", "any")).isTrue();
    assertThat(exclusions.excludes("com.acme.Cart", "any")).isFalse();
  }

  @Test
  void emptyOrMissingSettingExcludesNothing() {
    assertThat(SpanExclusions.parseQuietly(null).isEmpty()).isTrue();
    assertThat(SpanExclusions.parseQuietly("  , ").isEmpty()).isTrue();
    assertThat(SpanExclusions.parse("").invalidPatterns()).isEmpty();
  }

  @Test
  void excludedMethodsPlanIsTheSharedOffPlan() throws Exception {
    SpanPlans plans = SpanPlans.shared();
    Switchboard switchboard = new Switchboard();

    assertThat(plans.planFor(Switchboard.class.getMethod("offByName"), switchboard))
        .isSameAs(SpanPlan.OFF);
    assertThat(plans.planFor(Dark.class.getMethod("room"), new Dark())).isSameAs(SpanPlan.OFF);
    assertThat(plans.planFor(Switchboard.class.getMethod("on"), switchboard).traced()).isTrue();
  }

  @Test
  void excludedCallAllocatesNoMoreThanACallWithSentryOff() {
    Switchboard switchboard = new Switchboard();
    assertThat(io.sentry.Sentry.isEnabled()).isFalse();
    // Sentry off: the advice's one check, then the method.
    double sentryOff = bytesPerCall(switchboard::on);
    double excluded;
    try (SentryCapture sentry = SentryCapture.start()) {
      excluded = bytesPerCall(switchboard::offByName);
      assertThat(sentry.transactions()).isEmpty();
    }

    // What both allocate is AspectJ's own join point and closure; the plan adds nothing.
    assertThat(excluded).isLessThanOrEqualTo(sentryOff + 8);
  }

  /** The bytes this thread allocates per call of {@code call}, once the JIT has compiled it. */
  private static double bytesPerCall(java.util.function.Supplier<String> call) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int i = 0; i < 200_000; i++) {
      sink += call.get().length();
    }
    int calls = 100_000;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < calls; i++) {
      sink += call.get().length();
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(sink).isPositive();
    return (double) allocated / calls;
  }

  @Test
  void wovenExcludedMethodsRecordNothingTheOthersStillDo() {
    try (SentryCapture sentry = SentryCapture.start()) {
      Switchboard switchboard = new Switchboard();

      assertThat(switchboard.offByName()).isEqualTo("off");
      assertThat(new Dark().room()).isEqualTo("dark");
      assertThat(sentry.transactions()).isEmpty();

      assertThat(switchboard.on()).isEqualTo("on");
      assertThat(root(sentry.onlyTransaction()).getOperation()).isEqualTo("switch.on");
    }
  }
}
