package dev.spanwise.aspect;

import dev.spanwise.binding.MethodBinder;
import java.util.Objects;

/**
 * What the aspect knows about one {@code @Span} method, computed once: the span's op and name, how
 * its attributes are read, and when its span ends. Immutable and shared by every call.
 */
final class SpanPlan {

  private final String op;
  private final String name;
  private final MethodBinder binder;
  private final AsyncResults.Kind resultKind;

  SpanPlan(String op, String name, MethodBinder binder) {
    this(op, name, binder, AsyncResults.Kind.PLAIN);
  }

  SpanPlan(String op, String name, MethodBinder binder, AsyncResults.Kind resultKind) {
    this.op = Objects.requireNonNull(op, "op");
    this.name = Objects.requireNonNull(name, "name");
    this.binder = Objects.requireNonNull(binder, "binder");
    this.resultKind = Objects.requireNonNull(resultKind, "resultKind");
  }

  /** Returns the span's op. */
  String op() {
    return op;
  }

  /** Returns the span's description, or the transaction's name when it is a root. */
  String name() {
    return name;
  }

  /** Returns the reader of the method's attributes. */
  MethodBinder binder() {
    return binder;
  }

  /** Returns when the span ends, decided once from the declared return type. */
  AsyncResults.Kind resultKind() {
    return resultKind;
  }
}
