package dev.spanwise.benchmarks;

import dev.spanwise.benchmarks.spring.InterceptedPayments;
import dev.spanwise.benchmarks.spring.ProxiedPayments;
import dev.spanwise.benchmarks.spring.SentrySpanPayments;
import dev.spanwise.benchmarks.spring.SpringContexts;
import dev.spanwise.benchmarks.woven.WovenPayments;
import dev.spanwise.benchmarks.woven.reflective.ReflectivePayments;
import dev.spanwise.testing.SentryCount;
import io.sentry.Sentry;
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
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One {@code @Span} call with Sentry: Spanwise woven by ajc (compiled with the processor, and
 * without it), Spanwise through Spring's proxy beside an empty {@code MethodInterceptor} on the same
 * kind of proxy (the floor there), the same span by hand, Sentry's {@code @SentrySpan} and its own
 * hand-written floor, and the un-annotated method, in a sampled trace, an unsampled one, and with
 * Sentry not initialised; with 10, 100 or 900 spans per transaction.
 *
 * <p>A fixed, pre-touched heap: otherwise the first touch of the pages a growing heap takes is a
 * good part of a sampled call's profile, and moves from fork to fork.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@State(Scope.Thread)
public class SpanBenchmark {

  /** {@code sampled}, {@code unsampled} (the parent's decision is no), or {@code off}. */
  @Param({"sampled", "unsampled", "off"})
  public String sentry;

  /**
   * Spans per transaction: the parent transaction is renewed after this many calls. Sentry's own
   * cost per span grows with it (finding the current span walks the transaction's spans).
   */
  @Param({"10", "100", "900"})
  public int spans;

  private final String provider = "stripe";
  private final long amount = 4200L;
  private final Cart cart = new Cart(List.of("book", "pen", "lamp"));

  private SentryCount count;
  private ParentTransaction parent;
  private ConfigurableApplicationContext spanwiseContext;
  private ConfigurableApplicationContext sentrySpanContext;

  private final Payments plain = new PlainPayments();
  private final HandWrittenPayments handWritten = new HandWrittenPayments();
  private final Payments woven = new WovenPayments();
  private final Payments reflective = new ReflectivePayments();
  private Payments proxied;
  private Payments emptyInterceptor;
  private Payments sentrySpan;

  @Setup(Level.Trial)
  public void setUp() {
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
    spanwiseContext = SpringContexts.spanwise();
    sentrySpanContext = SpringContexts.sentrySpan();
    proxied = spanwiseContext.getBean(ProxiedPayments.class);
    emptyInterceptor = spanwiseContext.getBean(InterceptedPayments.class);
    sentrySpan = sentrySpanContext.getBean(SentrySpanPayments.class);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    parent.end();
    spanwiseContext.close();
    sentrySpanContext.close();
    if (count != null) {
      count.close();
    }
    Sentry.close();
  }

  /** The transport's counters, so that tests can check the spans were really made. */
  SentryCount count() {
    return count;
  }

  @Benchmark
  public int unannotated() {
    parent.tick();
    return plain.charge(provider, amount, cart);
  }

  @Benchmark
  public int handWritten() {
    parent.tick();
    return handWritten.charge(provider, amount, cart);
  }

  @Benchmark
  public int spanwiseWoven() {
    parent.tick();
    return woven.charge(provider, amount, cart);
  }

  @Benchmark
  public int spanwiseWovenReflective() {
    parent.tick();
    return reflective.charge(provider, amount, cart);
  }

  @Benchmark
  public int spanwiseSpringProxy() {
    parent.tick();
    return proxied.charge(provider, amount, cart);
  }

  @Benchmark
  public int emptyInterceptorSpringProxy() {
    parent.tick();
    return emptyInterceptor.charge(provider, amount, cart);
  }

  @Benchmark
  public int sentrySpanSpringProxy() {
    parent.tick();
    return sentrySpan.charge(provider, amount, cart);
  }

  @Benchmark
  public int handWrittenLikeSentrySpan() {
    parent.tick();
    return handWritten.chargeLikeSentrySpan(provider, amount, cart);
  }
}
