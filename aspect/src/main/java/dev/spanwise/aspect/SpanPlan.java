package dev.spanwise.aspect;

import java.util.Objects;

/**
 * What the aspect knows about one {@code @Span} method, computed once: the span's op and name, how
 * its attributes are read, whether it continues a trace, and when its span ends. Immutable and
 * shared by every call.
 *
 * @param op the span's op
 * @param name the span's description, or the transaction's name when it is a root
 * @param attributes the reader of the method's attributes
 * @param continuation how a call continues the trace its arguments carry ({@code @ContinueTrace}),
 *     or {@code null} when it joins the current one
 * @param resultKind when the span ends, from the declared return type
 * @param returnType the declared return type, which a result that ends later must still fit
 */
record SpanPlan(
    String op,
    String name,
    MethodAttributes attributes,
    TraceContinuation continuation,
    ResultKind resultKind,
    Class<?> returnType) {

  SpanPlan {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(resultKind, "resultKind");
    Objects.requireNonNull(returnType, "returnType");
  }
}
