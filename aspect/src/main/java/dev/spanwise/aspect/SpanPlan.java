package dev.spanwise.aspect;

import java.util.Objects;

/**
 * What the aspect knows about one {@code @Span} method, computed once: the span's op and name, how
 * its attributes are read, whether it continues a trace, when its span ends, and which exceptions
 * end it without an error. Immutable and shared by every call.
 *
 * @param op the span's op
 * @param name the span's description, or the transaction's name when it is a root
 * @param attributes the reader of the method's attributes
 * @param continuation how a call continues the trace its arguments carry ({@code @ContinueTrace}),
 *     or {@code null} when it joins the current one
 * @param resultKind when the span ends, from the declared return type
 * @param returnType the declared return type, which a result that ends later must still fit
 * @param expected the exceptions that are expected outcomes, not failures
 * @param traced {@code false}: nothing is recorded for this method ({@link #OFF})
 * @param implementationTraced whether the implementation that runs carries its own {@code @Span},
 *     so that its execution is traced where it is woven: a woven call through an annotated
 *     interface method then leaves the span to it
 */
record SpanPlan(
    String op,
    String name,
    MethodAttributes attributes,
    TraceContinuation continuation,
    ResultKind resultKind,
    Class<?> returnType,
    ExpectedOutcomes expected,
    boolean traced,
    boolean implementationTraced) {

  /**
   * The plan of a method that records nothing: excluded by {@code spanwise.exclude}, or without
   * any {@code @Span} to follow. Shared, so an excluded call allocates nothing.
   */
  static final SpanPlan OFF =
      new SpanPlan(
          "",
          "",
          MethodAttributes.NONE,
          null,
          ResultKind.PLAIN,
          Object.class,
          ExpectedOutcomes.NONE,
          false,
          false);

  SpanPlan {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(resultKind, "resultKind");
    Objects.requireNonNull(returnType, "returnType");
    Objects.requireNonNull(expected, "expected");
  }
}
