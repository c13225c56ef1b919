package dev.spanwise.benchmarks;

import dev.spanwise.benchmarks.spring.OtelPayments;
import dev.spanwise.benchmarks.spring.SpringContexts;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same call under OpenTelemetry: {@code @WithSpan} through the Spring Boot starter's aspect,
 * against the same span by hand, both on the starter's SDK (always sampled, exporting nowhere),
 * inside a parent span renewed like Sentry's parent transaction.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class OpenTelemetryBenchmark {

  private final String provider = "stripe";
  private final long amount = 4200L;
  private final Cart cart = new Cart(List.of("book", "pen", "lamp"));

  private ConfigurableApplicationContext context;
  private Tracer tracer;
  private Payments withSpan;
  private Payments handWritten;
  private Span parent;
  private Scope parentScope;
  private int calls;

  @Setup(Level.Trial)
  public void setUp() {
    context = SpringContexts.openTelemetry();
    tracer = context.getBean(OpenTelemetry.class).getTracer("dev.spanwise.benchmarks");
    withSpan = context.getBean(OtelPayments.class);
    handWritten = new HandWrittenOtelPayments(tracer);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    endParent();
    context.close();
  }

  private void tick() {
    if (--calls <= 0) {
      calls = ParentTransaction.CALLS_PER_PARENT;
      endParent();
      parent = tracer.spanBuilder("benchmark").startSpan();
      parentScope = parent.makeCurrent();
    }
  }

  private void endParent() {
    if (parentScope != null) {
      parentScope.close();
      parent.end();
      parentScope = null;
    }
  }

  /** Whether the SDK records the spans (it samples everything; a no-op SDK would not). */
  boolean recording() {
    return tracer.spanBuilder("probe").startSpan().isRecording();
  }

  @Benchmark
  public int otelHandWritten() {
    tick();
    return handWritten.charge(provider, amount, cart);
  }

  @Benchmark
  public int otelWithSpanSpringProxy() {
    tick();
    return withSpan.charge(provider, amount, cart);
  }
}
