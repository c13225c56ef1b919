package dev.spanwise.demo.tracing;

import io.sentry.SpanContext;
import io.sentry.SpanDataConvention;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders captured transactions as one tree per trace: each line an op, a name, a duration and a
 * status (with the HTTP status code where there is one), with the span's attributes below it,
 * indented by parent; string values in double quotes, escaped as in JSON. Transactions of the same trace
 * (the client's, the server's, a queue consumer's) are joined at the span they continue from.
 */
public final class TraceTreePrinter {

  private static final int MAX_VALUE_LENGTH = 80;

  /** Sentry's span data key for the HTTP status code ({@code SpanDataConvention}). */
  private static final String HTTP_STATUS_CODE = SpanDataConvention.HTTP_STATUS_CODE_KEY;

  private TraceTreePrinter() {}

  /** Renders every trace in {@code transactions}, in the order their first transaction started. */
  public static String render(List<SentryTransaction> transactions) {
    return render(transactions, Map.of());
  }

  /**
   * Renders every trace in {@code transactions}, in the order their first transaction started,
   * each headed by its label in {@code labels} (keyed by trace id) when it has one.
   */
  public static String render(List<SentryTransaction> transactions, Map<String, String> labels) {
    Map<String, List<Node>> traces = new LinkedHashMap<>();
    List<SentryTransaction> byStart = new ArrayList<>(transactions);
    byStart.sort(Comparator.comparingDouble(SentryTransaction::getStartTimestamp));
    for (SentryTransaction transaction : byStart) {
      List<Node> nodes = traces.computeIfAbsent(traceIdOf(transaction), id -> new ArrayList<>());
      nodes.addAll(nodesOf(transaction));
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Node>> trace : traces.entrySet()) {
      String label = labels.get(trace.getKey());
      out.append("── ")
          .append(label == null ? "" : label + "  ")
          .append("(trace ")
          .append(trace.getKey())
          .append(")\n");
      renderTrace(trace.getValue(), out);
      out.append('\n');
    }
    return out.toString();
  }

  private static void renderTrace(List<Node> nodes, StringBuilder out) {
    Map<String, Node> byId = new LinkedHashMap<>();
    for (Node node : nodes) {
      byId.put(node.spanId, node);
    }
    Map<String, List<Node>> children = new LinkedHashMap<>();
    List<Node> roots = new ArrayList<>();
    for (Node node : nodes) {
      if (node.parentId != null && byId.containsKey(node.parentId)) {
        children.computeIfAbsent(node.parentId, id -> new ArrayList<>()).add(node);
      } else {
        roots.add(node);
      }
    }
    roots.sort(Comparator.comparingDouble(node -> node.start));
    for (Node root : roots) {
      renderNode(root, children, "", out);
    }
  }

  private static void renderNode(
      Node node, Map<String, List<Node>> children, String indent, StringBuilder out) {
    out.append(indent)
        .append(node.isTransaction ? "● " : "└ ")
        .append(node.op)
        .append("  \"")
        .append(node.name)
        .append("\"  ")
        .append(String.format("%.1f ms", node.durationMillis()))
        .append("  ")
        .append(status(node))
        .append('\n');
    Map<String, Object> attributes = new TreeMap<>(node.data);
    attributes.remove(HTTP_STATUS_CODE);
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      out.append(indent)
          .append("    ")
          .append(attribute.getKey())
          .append(" = ")
          .append(format(attribute.getValue()))
          .append('\n');
    }
    List<Node> mine = new ArrayList<>(children.getOrDefault(node.spanId, List.of()));
    mine.sort(Comparator.comparingDouble(child -> child.start));
    for (Node child : mine) {
      renderNode(child, children, indent + "  ", out);
    }
  }

  /**
   * The status Sentry recorded, with the HTTP status code where the span has one: Sentry maps only
   * some codes to a status (a 402 has none), so the code is what tells how such a request ended.
   */
  private static String status(Node node) {
    String status = node.status == null ? "no status" : node.status.apiName();
    Object code = node.data.get(HTTP_STATUS_CODE);
    return code == null ? status : status + " (HTTP " + code + ")";
  }

  /** A string in double quotes, with quotes and backslashes inside it escaped as in JSON. */
  private static String format(Object value) {
    String text =
        value instanceof String string
            ? "\""
                + string.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + "\""
            : String.valueOf(value).replace('\n', ' ');
    return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH - 1) + "…" : text;
  }

  private static String traceIdOf(SentryTransaction transaction) {
    return transaction.getContexts().getTrace().getTraceId().toString();
  }

  private static List<Node> nodesOf(SentryTransaction transaction) {
    List<Node> nodes = new ArrayList<>();
    SpanContext root = transaction.getContexts().getTrace();
    nodes.add(
        new Node(
            true,
            root.getSpanId().toString(),
            root.getParentSpanId() == null ? null : root.getParentSpanId().toString(),
            root.getOperation(),
            transaction.getTransaction(),
            root.getStatus(),
            transaction.getStartTimestamp(),
            transaction.getTimestamp() == null ? transaction.getStartTimestamp() : transaction.getTimestamp(),
            withoutSdkData(root.getData())));
    for (SentrySpan span : transaction.getSpans()) {
      nodes.add(
          new Node(
              false,
              span.getSpanId().toString(),
              span.getParentSpanId() == null ? null : span.getParentSpanId().toString(),
              span.getOp(),
              span.getDescription(),
              span.getStatus(),
              span.getStartTimestamp(),
              span.getTimestamp() == null ? span.getStartTimestamp() : span.getTimestamp(),
              withoutSdkData(span.getData())));
    }
    return nodes;
  }

  /** Leaves out what the SDK adds to every span (thread ids and names), keeping the attributes. */
  private static Map<String, Object> withoutSdkData(Map<String, Object> data) {
    Map<String, Object> kept = new LinkedHashMap<>();
    if (data != null) {
      data.forEach(
          (key, value) -> {
            if (!key.startsWith("thread.") && !key.startsWith("blocked_main_thread")) {
              kept.put(key, value);
            }
          });
    }
    return kept;
  }

  private record Node(
      boolean isTransaction,
      String spanId,
      String parentId,
      String op,
      String name,
      SpanStatus status,
      double start,
      double end,
      Map<String, Object> data) {

    double durationMillis() {
      return (end - start) * 1000.0;
    }
  }
}
