package dev.spanwise.autoconfigure.sequences;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.sequences.Program;
import dev.spanwise.aspect.sequences.Programs;
import dev.spanwise.aspect.sequences.SequenceCalls;
import dev.spanwise.aspect.sequences.SequenceRun;
import dev.spanwise.autoconfigure.SpanwiseAutoConfiguration;
import dev.spanwise.testing.SentryCapture;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The generated programs of {@code GeneratedSequencesTest}, with every call going through the
 * Spring proxy of a {@link SequenceCalls} bean, traced by Spanwise's auto-configuration.
 */
class GeneratedSequencesThroughSpringTest {

  private static final String SEED = "20261204";

  private static SentryCapture sentry;
  private static AnnotationConfigApplicationContext context;
  private static SequenceRun run;
  private static long startedAt;

  @BeforeContainer
  static void startSentryAndSpring() {
    sentry = SentryCapture.start();
    context = new AnnotationConfigApplicationContext();
    context.register(AopAutoConfiguration.class, SpanwiseAutoConfiguration.class);
    context.registerBean(SequenceCalls.class);
    context.refresh();
    SequenceCalls calls = context.getBean(SequenceCalls.class);
    assertThat(AopUtils.isAopProxy(calls)).as("traced through its proxy").isTrue();
    startedAt = System.nanoTime();
    run = new SequenceRun(sentry, calls);
  }

  @AfterContainer
  static void close() {
    System.out.println("[sequences, Spring proxies] " + run.figures());
    run.writeFigures("sequences-spring", SEED, (System.nanoTime() - startedAt) / 1_000_000);
    context.close();
    sentry.close();
  }

  @Property(tries = 300, seed = SEED)
  void everyProgramSendsItsModelledForestAndLeavesNothingBehind(
      @ForAll("programs") Program program) throws InterruptedException {
    assertThat(run.check(program)).as("what went wrong in\n%s", program).isEmpty();
  }

  @Provide
  Arbitrary<Program> programs() {
    return Programs.programs();
  }
}
