package dev.spanwise.processor;

import javax.tools.Diagnostic;

/**
 * Every message the processor reports, each with a stable tag and its kind. One shape: where
 * (the annotation or call), the rule, the bad value in quotes, then the fix or "did you mean".
 * Tests compare with {@link #format}, never with copied text.
 */
enum Message {
  NAME_SYNTAX(
      Diagnostic.Kind.ERROR,
      "%s name must be lowercase dot-separated segments, each [a-z][a-z0-9_]*: '%s' %s;"
          + " write it like 'payment.provider'"),
  TYPE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "%s '%s' is %s in %s's conventions, but its value is a %s; record a %s instead"
          + " (or add a path to one)"),
  NEAR_MISS(
      Diagnostic.Kind.ERROR,
      "%s name is unknown but one typo from a known name: '%s'; did you mean '%s'? (%s)"),
  SENTRY_NAMESPACE(
      Diagnostic.Kind.ERROR,
      "%s name is under 'sentry.', which holds only Sentry's own attributes, and Sentry does not"
          + " define it: '%s'; %s"),
  RESERVED_NAMESPACE(
      Diagnostic.Kind.ERROR,
      "%s name is under the reserved namespace '%s.' (-Aspanwise.reservedNamespaces) but is not"
          + " a known name: '%s'; set custom = true if its owner defines it"),
  UNKNOWN_IN_CONVENTION_NAMESPACE(
      Diagnostic.Kind.WARNING,
      "%s name is not in the conventions of its namespace '%s.': '%s'; use a known name, or set"
          + " custom = true if it is deliberate (strict mode)"),
  DEPRECATED(
      Diagnostic.Kind.WARNING,
      "%s name is deprecated in %s's conventions: '%s'; use %s instead"),
  DEPRECATED_WITHOUT_REPLACEMENT(
      Diagnostic.Kind.WARNING,
      "%s name is deprecated in %s's conventions, with no replacement: '%s'; consider a name of"
          + " your own (strict mode)"),
  PERSONAL_DATA(
      Diagnostic.Kind.WARNING,
      "%s name may carry personal data in Sentry's conventions: '%s'; it is recorded only when"
          + " the SDK's sendDefaultPii option is on"),
  UNSUPPORTED_TYPE(
      Diagnostic.Kind.ERROR,
      "%s '%s' must be a string, boolean, number, enum, or an array or collection of those, but"
          + " is a '%s'; add a path to a supported property%s"),
  PATH_UNRESOLVED(
      Diagnostic.Kind.ERROR,
      "%s '%s' path must resolve on the declared type: no property '%s' on '%s' in path '%s'%s"),
  DUPLICATE_NAME(
      Diagnostic.Kind.ERROR,
      "%s name must appear once per method: '%s' is already recorded by %s; rename or remove one"),
  OP_EMPTY(
      Diagnostic.Kind.ERROR,
      "@Span op must not be empty: ''; name what the span does, like 'http.client' or"
          + " 'commerce.payment'"),
  OP_SYNTAX(
      Diagnostic.Kind.ERROR,
      "@Span op must be lowercase dot-separated segments, each [a-z][a-z0-9_]*: '%s' %s;"
          + " write it like 'commerce.payment'"),
  OP_UNKNOWN_IN_CATEGORY(
      Diagnostic.Kind.WARNING,
      "@Span op is in Sentry's '%s' category but is not one of its ops: '%s'; %s"),
  ORPHAN_ATTRIBUTE(
      Diagnostic.Kind.ERROR,
      "@SpanAttribute is read only on a parameter of a @Span method, but %s() has no @Span: '%s';"
          + " add @Span to the method or remove the annotation"),
  ORPHAN_RESULT_ATTRIBUTE(
      Diagnostic.Kind.ERROR,
      "@ResultAttribute is read only on a @Span method, but %s() has no @Span: '%s'; add @Span"
          + " to the method or remove the annotation"),
  ORPHAN_CONTINUE_TRACE(
      Diagnostic.Kind.ERROR,
      "@ContinueTrace is read only on a parameter of a @Span method, but %s() has no @Span:"
          + " parameter '%s'; add @Span to the method or remove the annotation"),
  CONTINUE_TRACE_CARRIERS(
      Diagnostic.Kind.ERROR,
      "@ContinueTrace needs one HEADERS parameter, or one SENTRY_TRACE and at most one BAGGAGE"
          + " parameter: '%s' on parameter '%s' repeats what parameter '%s' carries; keep one"),
  CONTINUE_TRACE_BAGGAGE_ALONE(
      Diagnostic.Kind.ERROR,
      "@ContinueTrace(BAGGAGE) continues nothing without a SENTRY_TRACE parameter: '%s'; add a"
          + " @ContinueTrace(SENTRY_TRACE) String parameter, or carry both headers in one argument"),
  CONTINUE_TRACE_TYPE(
      Diagnostic.Kind.ERROR,
      "@ContinueTrace(%s) value must be a %s: '%s' is a '%s'; pass the header value itself, or"
          + " point a path or key at it"),
  CONTINUE_TRACE_MEMBER_UNUSED(
      Diagnostic.Kind.ERROR,
      "@ContinueTrace(%s) takes the argument itself as the header, so %s must stay empty: '%s';"
          + " remove it"),
  CONTINUE_TRACE_PATH(
      Diagnostic.Kind.ERROR,
      "@ContinueTrace %s path must resolve on the declared type: '%s' has no property '%s' on"
          + " '%s'%s; set sentryTrace/baggage to the paths of the header values"),
  INTERNAL_ERROR(
      Diagnostic.Kind.ERROR,
      "Spanwise processor failed unexpectedly; please report it with this trace: %s");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  /** Returns the stable tag that starts the message: {@code [Spanwise:NEAR_MISS]}. */
  String tag() {
    return "[Spanwise:" + name() + "] ";
  }

  /** Returns the kind this message is reported with, unless an option changes it. */
  Diagnostic.Kind kind() {
    return kind;
  }

  /** Returns the full text, tag included. */
  String format(Object... arguments) {
    return tag() + String.format(format, arguments);
  }
}
