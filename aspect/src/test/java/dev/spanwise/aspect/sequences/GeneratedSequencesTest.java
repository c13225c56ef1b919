package dev.spanwise.aspect.sequences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.testing.SentryCapture;
import io.sentry.Sentry;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Generated whole programs (threads, transactions, nested sync, throwing, future, publisher and
 * consumer calls, callers that join, chain or ignore) through the load-time woven aspect and the
 * real SDK, each checked against its model of the span forest. A failure shrinks to a minimal
 * program, which jqwik prints with the violations.
 *
 * <p>In CI: 1,000 programs from a fixed seed. For more, from a random seed (printed on failure):
 * {@code mvn -B -pl aspect -am verify -Dtest=GeneratedSequencesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dspanwise.sequences.explore=true}, which also runs {@link
 * #moreProgramsFromARandomSeed}.
 */
class GeneratedSequencesTest {

  private static final String SEED = "20261203";

  private static SentryCapture sentry;
  private static SequenceRun run;
  private static long startedAt;

  @BeforeContainer
  static void startSentry() {
    sentry = SentryCapture.start();
    startedAt = System.nanoTime();
    run = new SequenceRun(sentry, new SequenceCalls());
  }

  @AfterContainer
  static void closeSentry() {
    System.out.println("[sequences, woven] " + run.figures());
    run.writeFigures("sequences-woven", SEED, (System.nanoTime() - startedAt) / 1_000_000);
    sentry.close();
  }

  @Property(tries = 1000, seed = SEED)
  void everyProgramSendsItsModelledForestAndLeavesNothingBehind(
      @ForAll("programs") Program program) throws InterruptedException {
    assertThat(Sentry.getCurrentScopes().getParentScopes())
        .as("the first script runs on the root scopes, Sentry.init's thread")
        .isNull();
    assertThat(run.check(program)).as("what went wrong in\n%s", program).isEmpty();
  }

  @Property(tries = 20_000)
  @AddLifecycleHook(ExploreOnlyWhenAsked.class)
  void moreProgramsFromARandomSeed(@ForAll("programs") Program program)
      throws InterruptedException {
    assertThat(run.check(program)).as("what went wrong in\n%s", program).isEmpty();
  }

  /** Skips the random-seed property unless {@code -Dspanwise.sequences.explore=true}. */
  static final class ExploreOnlyWhenAsked implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return Boolean.getBoolean("spanwise.sequences.explore")
          ? SkipResult.doNotSkip()
          : SkipResult.skip("set -Dspanwise.sequences.explore=true to explore");
    }
  }

  @Provide
  Arbitrary<Program> programs() {
    return Programs.programs();
  }
}
