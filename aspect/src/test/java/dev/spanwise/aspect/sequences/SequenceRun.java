package dev.spanwise.aspect.sequences;

import dev.spanwise.aspect.reliability.ReliabilityFigures;
import dev.spanwise.testing.SentryCapture;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs generated programs through one {@link SequenceCalls} (woven, or a Spring proxy) and the real
 * SDK, checks each against its model, and keeps the figures that {@code docs/reliability.md}
 * quotes.
 */
public final class SequenceRun {

  private final SentryCapture sentry;
  private final SequenceCalls calls;
  private final AtomicLong programs = new AtomicLong();
  private final AtomicLong callsRun = new AtomicLong();
  private final AtomicLong spansChecked = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public SequenceRun(SentryCapture sentry, SequenceCalls calls) {
    this.sentry = sentry;
    this.calls = calls;
  }

  /** Runs {@code program}; returns every way it went wrong, empty when it ran as modelled. */
  public List<String> check(Program program) throws InterruptedException {
    sentry.clear();
    List<String> violations = new ArrayList<>(new Interpreter(calls).run(program));
    List<SentryTransaction> sent = sentry.awaitTransactions(expectedTransactions(program), Duration.ofSeconds(10));
    ForestCheck.Result result = ForestCheck.check(program, sent);
    violations.addAll(result.violations());
    programs.incrementAndGet();
    callsRun.addAndGet(program.allCalls().size());
    spansChecked.addAndGet(result.spansChecked());
    if (!violations.isEmpty()) {
      failures.incrementAndGet();
    }
    return violations;
  }

  /**
   * Writes the figures for {@code docs/reliability.md} as {@code name}.
   */
  public void writeFigures(String name, String seed, long wallMillis) {
    ReliabilityFigures.of(name)
        .put("programs", programs.get())
        .put("calls", callsRun.get())
        .put("spans", spansChecked.get())
        .put("failures", failures.get())
        .put("threads", Interpreter.hasVirtualThreads() ? "platform and virtual" : "platform")
        .put("seed", seed)
        .put("wall.ms", wallMillis)
        .write();
  }

  /** One line of figures: programs, calls, spans checked, failing programs. */
  public String figures() {
    return String.format(
        "%d programs, %d calls, %d spans checked, %d failing programs%s",
        programs.get(), callsRun.get(), spansChecked.get(), failures.get(),
        Interpreter.hasVirtualThreads() ? " (virtual threads included)" : " (platform threads only)");
  }

  private static int expectedTransactions(Program program) {
    int count = 0;
    for (Program.Script script : program.threads()) {
      count += script.transactions().size();
    }
    for (Program.Call call : program.allCalls()) {
      if (call.kind() == Program.Kind.CONSUMER) {
        count++;
      }
    }
    return count;
  }
}
