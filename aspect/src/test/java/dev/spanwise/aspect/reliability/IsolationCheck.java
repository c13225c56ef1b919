package dev.spanwise.aspect.reliability;

import static dev.spanwise.testing.CapturedSpans.childrenOf;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.withOp;

import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SpanId;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One request of the isolation tests, run on any thread, and the check of what Sentry received for
 * all of them. Shared by the platform-thread test and the virtual-thread one (JDK 21+).
 */
public final class IsolationCheck {

  /** {@code handle} calls per request; each makes a {@code lookup} call below it. */
  public static final int STEPS = 3;

  private IsolationCheck() {}

  /**
   * Runs request {@code id} in a transaction of its own on the calling thread and returns what went
   * wrong as seen from inside (wrong parent, wrong data, an active span left behind), or an empty
   * list.
   */
  public static List<String> runRequest(Requests requests, int id) {
    List<String> problems = new ArrayList<>();
    String requestId = requestId(id);
    if (Sentry.getSpan() != null) {
      problems.add(requestId + ": a span was already active before the request");
    }
    ITransaction transaction = Sentry.startTransaction("request " + requestId, "http.server");
    SpanId rootId = transaction.getSpanContext().getSpanId();
    try (ISentryLifecycleToken ignored = transaction.makeCurrent()) {
      for (int step = 0; step < STEPS; step++) {
        Requests.Seen seen = requests.handle(requestId, step);
        ISpan handle = seen.handle();
        if (handle == null || !rootId.equals(handle.getSpanContext().getParentSpanId())) {
          problems.add(requestId + ": handle span is not a child of its request");
          continue;
        }
        if (!requestId.equals(handle.getData("request.id"))
            || !Integer.valueOf(step).equals(handle.getData("request.step"))) {
          problems.add(requestId + ": handle span carries " + handle.getData("request.id"));
        }
        ISpan lookup = seen.lookup();
        if (lookup == null
            || !handle.getSpanContext().getSpanId().equals(lookup.getSpanContext().getParentSpanId())
            || !requestId.equals(lookup.getData("request.id"))) {
          problems.add(requestId + ": lookup span is not its handle's child with its data");
        }
        if (seen.handleAfterLookup() != handle) {
          problems.add(requestId + ": handle's span was not current again after lookup");
        }
        if (Sentry.getSpan() != transaction) {
          problems.add(requestId + ": after handle returned, the active span is " + Sentry.getSpan());
        }
      }
    }
    transaction.finish();
    if (Sentry.getSpan() != null) {
      problems.add(requestId + ": a span is still active after the request: " + Sentry.getSpan());
    }
    return problems;
  }

  static String requestId(int id) {
    return "req-" + id;
  }

  /**
   * Checks every captured transaction: one per request, each span under its own request's parent
   * with its own request's attributes and trace. Returns the problems found and the number of spans
   * checked.
   */
  public static Result verify(List<SentryTransaction> transactions, int requests) {
    List<String> problems = new ArrayList<>();
    Set<String> seenRequests = new HashSet<>();
    long spansChecked = 0;
    if (transactions.size() != requests) {
      problems.add("expected " + requests + " transactions, got " + transactions.size());
    }
    for (SentryTransaction transaction : transactions) {
      String requestId = transaction.getTransaction().substring("request ".length());
      if (!seenRequests.add(requestId)) {
        problems.add(requestId + ": sent twice");
      }
      String rootId = root(transaction).getSpanId().toString();
      List<SentrySpan> handles = withOp(transaction, "test.request.handle");
      List<SentrySpan> lookups = withOp(transaction, "test.request.lookup");
      if (handles.size() != STEPS || lookups.size() != STEPS || transaction.getSpans().size() != 2 * STEPS) {
        problems.add(requestId + ": " + handles.size() + " handle and " + lookups.size() + " lookup spans");
      }
      Set<String> handleIds = new HashSet<>();
      for (SentrySpan handle : handles) {
        handleIds.add(handle.getSpanId().toString());
        if (!rootId.equals(String.valueOf(handle.getParentSpanId()))) {
          problems.add(requestId + ": a handle span has another parent");
        }
      }
      for (SentrySpan span : transaction.getSpans()) {
        spansChecked++;
        if (!Objects.equals(requestId, data(span).get("request.id"))) {
          problems.add(requestId + ": a span carries request.id " + data(span).get("request.id"));
        }
        if (!root(transaction).getTraceId().equals(span.getTraceId())) {
          problems.add(requestId + ": a span is in another trace");
        }
      }
      for (String handleId : handleIds) {
        if (childrenOf(transaction, handleId).size() != 1) {
          problems.add(requestId + ": handle " + handleId + " has not exactly one lookup child");
        }
      }
    }
    return new Result(problems, spansChecked);
  }

  /** What {@link #verify} found. */
  public record Result(List<String> problems, long spansChecked) {}
}
