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
  private final TraceContinuation continuation;
  private final AsyncResults.Kind resultKind;

  SpanPlan(String op, String name, MethodBinder binder) {
    this(op, name, binder, null, AsyncResults.Kind.PLAIN);
  }

  SpanPlan(
      String op,
      String name,
      MethodBinder binder,
      TraceContinuation continuation,
      AsyncResults.Kind resultKind) {
    this.op = Objects.requireNonNull(op, "op");
    this.name = Objects.requireNonNull(name, "name");
    this.binder = Objects.requireNonNull(binder, "binder");
    this.continuation = continuation;
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

  /**
   * Returns how a call continues the trace its arguments carry ({@code @ContinueTrace}), or {@code
   * null} when it joins the current one.
   */
  TraceContinuation continuation() {
    return continuation;
  }

  /** Returns when the span ends, decided once from the declared return type. */
  AsyncResults.Kind resultKind() {
    return resultKind;
  }
}
