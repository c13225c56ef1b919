package dev.spanwise.benchmarks;

import dev.spanwise.benchmarks.ltw.LoadTimePayments;
import dev.spanwise.testing.SentryCount;
import io.sentry.Sentry;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The call woven at load time, beside the un-annotated method and the hand-written span in the
 * same JVMs. Its forks need the agent ({@code -jvmArgsAppend -javaagent:aspectjweaver.jar}), which
 * {@link BenchmarkMain} adds; without it the setup fails rather than measure an unwoven method. No
 * Spring here: under the agent a proxied bean would be woven and proxied both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class LoadTimeWovenBenchmark {

  /** {@code sampled}, {@code unsampled} (the parent's decision is no), or {@code off}. */
  @Param({"sampled", "unsampled", "off"})
  public String sentry;

  /** Spans per transaction, as in {@link SpanBenchmark}. */
  @Param({"10", "100", "900"})
  public int spans;

  private final String provider = "stripe";
  private final long amount = 4200L;
  private final Cart cart = new Cart(List.of("book", "pen", "lamp"));

  private SentryCount count;
  private ParentTransaction parent;

  private final Payments plain = new PlainPayments();
  private final HandWrittenPayments handWritten = new HandWrittenPayments();
  private Payments loadTimeWoven;

  @Setup(Level.Trial)
  public void setUp() {
    loadTimeWoven = new LoadTimePayments();
    boolean woven = Arrays.stream(LoadTimePayments.class.getDeclaredFields())
        .anyMatch(field -> field.getName().startsWith("ajc$"));
    if (!woven) {
      throw new IllegalStateException(
          "LoadTimePayments is not woven: run this benchmark with -javaagent:aspectjweaver.jar");
    }
    Sentry.close();
    switch (sentry) {
      case "sampled" -> parent = new ParentTransaction(true, spans);
      case "unsampled" -> parent = new ParentTransaction(false, spans);
      case "off" -> parent = new ParentTransaction(null, spans);
      default -> throw new IllegalArgumentException("sentry=" + sentry);
    }
    if (!"off".equals(sentry)) {
      count = ParentTransaction.initOnAnotherThread();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parent.end();
    if (count != null) {
      count.close();
    }
    Sentry.close();
  }

  @Benchmark
  public int ltwUnannotated() {
    parent.tick();
    return plain.charge(provider, amount, cart);
  }

  @Benchmark
  public int ltwHandWritten() {
    parent.tick();
    return handWritten.charge(provider, amount, cart);
  }

  @Benchmark
  public int spanwiseLoadTimeWoven() {
    parent.tick();
    return loadTimeWoven.charge(provider, amount, cart);
  }
}
