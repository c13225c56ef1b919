package dev.spanwise.aspect.sequences;

import dev.spanwise.aspect.sequences.Program.Call;
import dev.spanwise.aspect.sequences.Program.Caller;
import dev.spanwise.aspect.sequences.Program.Kind;
import dev.spanwise.aspect.sequences.Program.Script;
import dev.spanwise.aspect.sequences.Program.Start;
import dev.spanwise.aspect.sequences.Program.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generates {@link Program}s: 1 to 3 threads, each 1 to 3 transactions of up to 4 calls, nested up
 * to 3 deep. Shrinking makes a failing program smaller in every one of these directions.
 */
public final class Programs {

  private static final int MAX_DEPTH = 3;

  private Programs() {}

  /** Programs with calls numbered {@code c1}, {@code c2}, ... depth first. */
  public static Arbitrary<Program> programs() {
    return script().list().ofMinSize(1).ofMaxSize(3).map(Programs::numbered);
  }

  private static Arbitrary<Script> script() {
    return Combinators.combine(
            Arbitraries.of(false, true), transaction().list().ofMinSize(1).ofMaxSize(3))
        .as(Script::new);
  }

  private static Arbitrary<Transaction> transaction() {
    return Combinators.combine(
            Arbitraries.of(Start.class), call(MAX_DEPTH).list().ofMinSize(1).ofMaxSize(4))
        .as((start, calls) -> new Transaction("", start, calls));
  }

  private static Arbitrary<Call> call(int depth) {
    Arbitrary<List<Call>> children =
        depth <= 1
            ? Arbitraries.just(List.of())
            : Arbitraries.lazy(() -> call(depth - 1)).list().ofMaxSize(3);
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(Caller.class), children)
        .as((kind, caller, calls) -> new Call("", kind, caller, kind.hasBody() ? calls : List.of()));
  }

  private static Program numbered(List<Script> scripts) {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger nextTransaction = new AtomicInteger();
    List<Script> numbered = new ArrayList<>();
    for (Script script : scripts) {
      List<Transaction> transactions = new ArrayList<>();
      for (Transaction transaction : script.transactions()) {
        transactions.add(
            new Transaction(
                "t" + nextTransaction.incrementAndGet(),
                transaction.start(),
                number(transaction.calls(), next)));
      }
      numbered.add(new Script(script.virtual(), transactions));
    }
    return new Program(numbered);
  }

  private static List<Call> number(List<Call> calls, AtomicInteger next) {
    List<Call> numbered = new ArrayList<>();
    for (Call call : calls) {
      String id = "c" + next.incrementAndGet();
      numbered.add(new Call(id, call.kind(), call.caller(), number(call.children(), next)));
    }
    return numbered;
  }
}
