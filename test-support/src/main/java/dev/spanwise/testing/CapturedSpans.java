package dev.spanwise.testing;

import io.sentry.SpanContext;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds spans in a captured transaction, the way a test reads a trace. */
public final class CapturedSpans {

  private CapturedSpans() {}

  /** The transaction's root span context (its op, span id, status, data). */
  public static SpanContext root(SentryTransaction transaction) {
    return transaction.getContexts().getTrace();
  }

  /** The root's data, as sent in {@code contexts.trace.data}. */
  public static Map<String, Object> rootData(SentryTransaction transaction) {
    Map<String, Object> data = root(transaction).getData();
    return data == null ? Map.of() : data;
  }

  /** Every child span with {@code op}. */
  public static List<SentrySpan> withOp(SentryTransaction transaction, String op) {
    List<SentrySpan> found = new ArrayList<>();
    for (SentrySpan span : transaction.getSpans()) {
      if (op.equals(span.getOp())) {
        found.add(span);
      }
    }
    return found;
  }

  /** The one child span with {@code op}, failing when there are none or several. */
  public static SentrySpan onlyWithOp(SentryTransaction transaction, String op) {
    List<SentrySpan> found = withOp(transaction, op);
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one span with op " + op + ", got " + found.size() + " in " + ops(transaction));
    }
    return found.get(0);
  }

  /** The children of the span with id {@code parentSpanId}. */
  public static List<SentrySpan> childrenOf(SentryTransaction transaction, String parentSpanId) {
    List<SentrySpan> found = new ArrayList<>();
    for (SentrySpan span : transaction.getSpans()) {
      if (span.getParentSpanId() != null && parentSpanId.equals(span.getParentSpanId().toString())) {
        found.add(span);
      }
    }
    return found;
  }

  /** The span's data, never {@code null}. */
  public static Map<String, Object> data(SentrySpan span) {
    return span.getData() == null ? Map.of() : span.getData();
  }

  private static List<String> ops(SentryTransaction transaction) {
    List<String> ops = new ArrayList<>();
    for (SentrySpan span : transaction.getSpans()) {
      ops.add(span.getOp());
    }
    return ops;
  }
}
