package dev.spanwise.processor;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks {@code @Span(op)}: not empty, well formed, and, in a category Sentry defines ({@code
 * queue.}, {@code gen_ai.}), one of Sentry's ops there. An op in a category of its own ({@code
 * commerce.payment}) is the application's business.
 */
final class OpCheck {

  private final Conventions conventions;

  OpCheck(Conventions conventions) {
    this.conventions = conventions;
  }

  void check(String op, NameChecks.Findings findings) {
    if (op.isEmpty()) {
      findings.add(Message.OP_EMPTY);
      return;
    }
    Optional<String> syntax = NameSyntax.problem(op);
    if (syntax.isPresent()) {
      findings.add(Message.OP_SYNTAX, op, syntax.get());
      return;
    }
    if (conventions.isKnownOp(op)) {
      return;
    }
    String category = Conventions.namespaceOf(op);
    List<String> known = conventions.opsInCategory(category);
    if (known.isEmpty()) {
      return;
    }
    List<String> close = known.stream()
        .filter(candidate -> EditDistance.isOneTypo(op, candidate))
        .sorted(java.util.Comparator.comparingInt((String candidate) -> EditDistance.between(op, candidate)))
        .collect(Collectors.toList());
    if (!close.isEmpty()) {
      findings.add(Message.OP_NEAR_MISS, category, op, Message.alternatives(close));
      return;
    }
    findings.add(Message.OP_UNKNOWN_IN_CATEGORY, category, op,
        quoted(known.subList(0, Math.min(Message.LISTED, known.size())))
            + (known.size() > Message.LISTED ? ", …" : ""));
  }

  private static String quoted(List<String> ops) {
    return ops.stream().map(op -> "'" + op + "'").collect(Collectors.joining(", "));
  }
}
