package dev.spanwise.aspect.sequences;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated program: threads, each running transactions one after another, each transaction a
 * sequence of nested {@code @Span} calls. Its {@link #toString()} is what a failing property
 * prints, shrunk: one line a call, indented by nesting.
 */
public record Program(List<Script> threads) {

  /**
   * One thread's transactions, run in order; on a virtual thread where the JDK has them. The first
   * script runs on the thread that initialised Sentry.
   */
  public record Script(boolean virtual, List<Transaction> transactions) {}

  /**
   * One transaction: started by the program ({@link Start#SENTRY}: {@code Sentry.startTransaction}
   * bound to the scope, named {@code id}) or by a {@code @Span} call itself ({@link Start#SPAN}: a
   * sync call with nothing active, {@code call.id} {@code id}, becomes the transaction, {@code
   * calls} its children).
   */
  public record Transaction(String id, Start start, List<Call> calls) {}

  /** How a transaction starts. */
  public enum Start {
    SENTRY,
    SPAN
  }

  /**
   * One {@code @Span} call: what the method does, what its caller does with the result, and the
   * calls its body makes before it returns. {@code id} is unique in the program: the span carries
   * it as {@code call.id}.
   */
  public record Call(String id, Kind kind, Caller caller, List<Call> children) {}

  /** What a generated {@code @Span} method does. */
  public enum Kind {
    /** Returns normally: {@code ok}. */
    SYNC,
    /** Throws: {@code internal_error}, the caller catches the same exception. */
    THROWS,
    /** Sets {@code not_found} and an attribute through {@code Spans.current()}. */
    SETS_STATUS,
    /** Returns a future completing a little later on a pool thread: {@code ok}, result read. */
    FUTURE_LATER,
    /** Returns a future failing a little later: {@code internal_error}. */
    FUTURE_FAILS,
    /** Returns a future that never completes; the caller cancels it: {@code cancelled}. */
    FUTURE_CANCELLED,
    /** Returns a future already complete: {@code ok}, result read. */
    FUTURE_DONE,
    /** Returns a {@code Mono} emitting later on Reactor's scheduler: {@code ok} per subscription. */
    MONO,
    /** Returns a {@code Flux}: {@code ok} per subscription. */
    FLUX,
    /** A {@code @ContinueTrace} consumer, given the caller's trace headers: its own transaction. */
    CONSUMER;

    /** Whether the body runs the call's children (a publisher's assembly does not). */
    boolean hasBody() {
      return this != MONO && this != FLUX;
    }

    boolean isPublisher() {
      return this == MONO || this == FLUX;
    }

    boolean isFuture() {
      return name().startsWith("FUTURE_");
    }
  }

  /** What the caller does with a future or publisher. */
  public enum Caller {
    /** {@code join()} / {@code block()}. */
    JOIN,
    /** {@code thenApply(...)} / {@code map(...)}, then waits on that. */
    CHAIN,
    /** Nothing now: a future is waited for when its transaction ends; a publisher never runs. */
    IGNORE
  }

  /** Whether the call records a span at all: an unsubscribed publisher records none. */
  static boolean recordsSpan(Call call) {
    return !(call.kind().isPublisher() && call.caller() == Caller.IGNORE);
  }

  /** Every call of the program, depth first. */
  List<Call> allCalls() {
    List<Call> all = new ArrayList<>();
    for (Script script : threads) {
      for (Transaction transaction : script.transactions()) {
        transaction.calls().forEach(call -> collect(call, all));
      }
    }
    return all;
  }

  private static void collect(Call call, List<Call> into) {
    into.add(call);
    call.children().forEach(child -> collect(child, into));
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("program");
    for (int t = 0; t < threads.size(); t++) {
      Script script = threads.get(t);
      text.append("\n  thread ").append(t)
          .append(t == 0 ? " (Sentry.init's)" : script.virtual() ? " (virtual)" : "");
      for (Transaction transaction : script.transactions()) {
        text.append("\n    ").append(transaction.id()).append(" started by ").append(transaction.start());
        transaction.calls().forEach(call -> describe(call, 3, text));
      }
    }
    return text.toString();
  }

  private static void describe(Call call, int depth, StringBuilder text) {
    text.append('\n').append("  ".repeat(depth)).append(call.id()).append(' ').append(call.kind());
    if (call.kind().isFuture() || call.kind().isPublisher()) {
      text.append(", caller ").append(call.caller());
    }
    call.children().forEach(child -> describe(child, depth + 1, text));
  }
}
