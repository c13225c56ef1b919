package dev.spanwise.aspect.sequences;

import dev.spanwise.aspect.sequences.Program.Call;
import dev.spanwise.aspect.sequences.Program.Kind;
import dev.spanwise.aspect.sequences.Program.Script;
import dev.spanwise.aspect.sequences.Program.Start;
import dev.spanwise.aspect.sequences.Program.Transaction;
import io.sentry.SpanContext;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentryId;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import io.sentry.SpanId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares what Sentry would have sent for a {@link Program} with the span forest the program
 * describes: every call's span present once, finished inside its transaction, under the right
 * parent and in the right trace, with the right status and attributes; nothing else.
 */
final class ForestCheck {

  /** One span as sent: a transaction's root or one of its spans. */
  private record Sent(
      SentryTransaction transaction,
      SpanId spanId,
      SpanId parentSpanId,
      SentryId traceId,
      String op,
      SpanStatus status,
      Map<String, Object> data,
      Double start,
      Double end,
      boolean root) {}

  private final List<String> violations = new ArrayList<>();
  private final Map<String, Sent> byCallId = new HashMap<>();
  private final Map<String, SentryTransaction> byName = new HashMap<>();
  private int spansChecked;

  private ForestCheck(List<SentryTransaction> sent) {
    for (SentryTransaction transaction : sent) {
      byName.put(transaction.getTransaction(), transaction);
      SpanContext root = transaction.getContexts().getTrace();
      index(
          new Sent(
              transaction,
              root.getSpanId(),
              root.getParentSpanId(),
              root.getTraceId(),
              root.getOperation(),
              root.getStatus(),
              root.getData() == null ? Map.of() : root.getData(),
              transaction.getStartTimestamp(),
              transaction.getTimestamp(),
              true));
      for (SentrySpan span : transaction.getSpans()) {
        index(
            new Sent(
                transaction,
                span.getSpanId(),
                span.getParentSpanId(),
                span.getTraceId(),
                span.getOp(),
                span.getStatus(),
                span.getData() == null ? Map.of() : span.getData(),
                span.getStartTimestamp(),
                span.getTimestamp(),
                false));
      }
    }
  }

  /** The result of checking one program. */
  record Result(List<String> violations, int spansChecked) {}

  /** Checks what was {@code sent} for {@code program}. */
  static Result check(Program program, List<SentryTransaction> sent) {
    ForestCheck check = new ForestCheck(sent);
    check.checkProgram(program);
    int expectedSpans = 0;
    for (Call call : program.allCalls()) {
      if (Program.recordsSpan(call) && call.kind() != Kind.CONSUMER) {
        expectedSpans++;
      }
    }
    int sentSpans = sent.stream().mapToInt(transaction -> transaction.getSpans().size()).sum();
    if (sentSpans != expectedSpans) {
      check.violations.add("sent " + sentSpans + " child spans, expected " + expectedSpans);
    }
    return new Result(check.violations, check.spansChecked);
  }

  private void index(Sent sent) {
    Object id = sent.data().get("call.id");
    if (id == null) {
      return;
    }
    if (byCallId.put(id.toString(), sent) != null) {
      violations.add(id + ": sent twice");
    }
  }

  private void checkProgram(Program program) {
    for (Script script : program.threads()) {
      for (Transaction transaction : script.transactions()) {
        Sent root = transactionRoot(transaction);
        if (root != null) {
          transaction.calls().forEach(call -> checkCall(call, root));
        }
      }
    }
  }

  private Sent transactionRoot(Transaction transaction) {
    if (transaction.start() == Start.SPAN) {
      Sent root = byCallId.get(transaction.id());
      if (root == null || !root.root()) {
        violations.add(transaction.id() + ": no transaction started by the root call");
        return null;
      }
      expectStatus(transaction.id(), root, SpanStatus.OK);
      spansChecked++;
      return root;
    }
    SentryTransaction sent = byName.get(transaction.id());
    if (sent == null) {
      violations.add(transaction.id() + ": transaction not sent");
      return null;
    }
    SpanContext context = sent.getContexts().getTrace();
    return new Sent(
        sent, context.getSpanId(), null, context.getTraceId(), context.getOperation(),
        context.getStatus(), Map.of(), sent.getStartTimestamp(), sent.getTimestamp(), true);
  }

  private void checkCall(Call call, Sent parent) {
    String id = call.id();
    Sent sent = byCallId.get(id);
    if (!Program.recordsSpan(call)) {
      if (sent != null) {
        violations.add(id + ": a publisher nobody subscribed to was recorded");
      }
      return;
    }
    if (sent == null) {
      violations.add(id + ": span missing (expected under " + parent.spanId() + ")");
      return;
    }
    spansChecked++;
    if (call.kind() == Kind.CONSUMER) {
      if (!sent.root()) {
        violations.add(id + ": a consumer's span is not a transaction of its own");
      }
    } else if (sent.transaction() != parent.transaction()) {
      violations.add(id + ": sent in " + sent.transaction().getTransaction()
          + ", expected in " + parent.transaction().getTransaction());
    }
    if (!Objects.equals(sent.parentSpanId(), parent.spanId())) {
      violations.add(id + ": parent " + sent.parentSpanId() + ", expected " + parent.spanId()
          + " (" + describe(parent) + ")");
    }
    if (!Objects.equals(sent.traceId(), parent.traceId())) {
      violations.add(id + ": in trace " + sent.traceId() + ", expected " + parent.traceId());
    }
    if (sent.end() == null) {
      violations.add(id + ": not finished");
    } else if (!sent.root() && sent.end() > sent.transaction().getTimestamp()) {
      violations.add(id + ": finished after its transaction");
    }
    checkOutcome(call, sent);
    for (Call child : call.children()) {
      checkCall(child, sent);
    }
  }

  private void checkOutcome(Call call, Sent sent) {
    String id = call.id();
    String result = SequenceCalls.resultOf(id);
    switch (call.kind()) {
      case SYNC, FLUX, CONSUMER -> expectStatus(id, sent, SpanStatus.OK);
      case THROWS, FUTURE_FAILS -> expectStatus(id, sent, SpanStatus.INTERNAL_ERROR);
      case FUTURE_CANCELLED -> expectStatus(id, sent, SpanStatus.CANCELLED);
      case SETS_STATUS -> {
        expectStatus(id, sent, SpanStatus.NOT_FOUND);
        expectData(id, sent, "call.note", "set inside");
      }
      case FUTURE_LATER, FUTURE_DONE, MONO -> {
        expectStatus(id, sent, SpanStatus.OK);
        expectData(id, sent, "call.result", result);
      }
    }
  }

  private void expectStatus(String id, Sent sent, SpanStatus expected) {
    if (sent.status() != expected) {
      violations.add(id + ": status " + sent.status() + ", expected " + expected);
    }
  }

  private void expectData(String id, Sent sent, String key, Object expected) {
    if (!expected.equals(sent.data().get(key))) {
      violations.add(id + ": " + key + " = " + sent.data().get(key) + ", expected " + expected);
    }
  }

  private static String describe(Sent sent) {
    Object id = sent.data().get("call.id");
    return id != null ? "span of " + id : "root of " + sent.transaction().getTransaction();
  }
}
