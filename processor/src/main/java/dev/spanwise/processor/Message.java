package dev.spanwise.processor;

import java.util.List;
import javax.tools.Diagnostic;

/**
 * Every message the processor reports, each a whole sentence with a stable tag and its kind. One
 * shape: where (the annotation or call), the rule, the bad value in quotes, then the fix or "did
 * you mean". The arguments are values (names, types, lists); every word of the rules and fixes is
 * here, the few fixes that depend on where a name is written in {@link Hint}. Tests compare with
 * {@link #format}, never with copied text.
 */
enum Message {
  NAME_SYNTAX(
      Diagnostic.Kind.ERROR,
      "%s name must be lowercase dot-separated segments, each [a-z][a-z0-9_]*: '%s' %s;"
          + " write it like 'payment.provider'"),
  TYPE_MISMATCH(
      Diagnostic.Kind.ERROR,
      "%s '%s' is %s in %s's conventions, but its value is a %s; record a %s instead%s"),
  NEAR_MISS(
      Diagnostic.Kind.ERROR,
      "%s name is unknown but one typo from a known name: '%s'; did you mean '%s'? (%s)"),
  SENTRY_NAMESPACE(
      Diagnostic.Kind.ERROR,
      "%s name is under 'sentry.', which holds only Sentry's own attributes, and Sentry does not"
          + " define it: '%s'; use a name in your own namespace"),
  SENTRY_NAMESPACE_NEAR_MISS(
      Diagnostic.Kind.ERROR,
      "%s name is under 'sentry.', which holds only Sentry's own attributes, and Sentry does not"
          + " define it: '%s'; did you mean '%s'?"),
  RESERVED_NAMESPACE(
      Diagnostic.Kind.ERROR,
      "%s name is under the reserved namespace '%s.' (-Aspanwise.reservedNamespaces) but is not"
          + " a known name: '%s'; %s"),
  UNKNOWN_IN_CONVENTION_NAMESPACE(
      Diagnostic.Kind.WARNING,
      "%s name is not in the conventions of its namespace '%s.': '%s'; use a known name, or %s"
          + " (strict mode)"),
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
  TYPE_CONFLICT(
      Diagnostic.Kind.WARNING,
      "%s '%s' is recorded as %s here but as %s by %s; Sentry's span metrics aggregate one type"
          + " per attribute name: record the same type in both places, or rename one"),
  UNSUPPORTED_TYPE(
      Diagnostic.Kind.ERROR,
      "%s '%s' must be a string, boolean, number, enum, or an array or collection of those, but"
          + " is a '%s'; add a path to a supported property%s"),
  PATH_UNRESOLVED(
      Diagnostic.Kind.ERROR,
      "%s '%s' path must resolve on the declared type: no property '%s' on '%s' in path '%s'%s"),
  DUPLICATE_NAME(
      Diagnostic.Kind.ERROR,
      "%s name must appear once per method: '%s' is already recorded by parameter '%s'; rename"
          + " or remove one"),
  DUPLICATE_RESULT_NAME(
      Diagnostic.Kind.ERROR,
      "%s name must appear once per method: '%s' is already recorded by a @ResultAttribute;"
          + " rename or remove one"),
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
      "@Span op is in Sentry's '%s' category but is not one of its ops: '%s'; Sentry's ops there"
          + " are %s"),
  OP_NEAR_MISS(
      Diagnostic.Kind.WARNING,
      "@Span op is in Sentry's '%s' category but is not one of its ops: '%s'; did you mean %s?"),
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
  ORPHAN_EXPECTED_EXCEPTION(
      Diagnostic.Kind.ERROR,
      "@ExpectedException is read only on a @Span method, but %s() has no @Span: '%s'; add @Span"
          + " to the method or remove the annotation"),
  EXPECTED_STATUS_UNKNOWN(
      Diagnostic.Kind.ERROR,
      "@ExpectedException status must be one of Sentry's span statuses, in lowercase: '%s' is"
          + " not one; use one of %s"),
  EXPECTED_STATUS_NEAR_MISS(
      Diagnostic.Kind.ERROR,
      "@ExpectedException status must be one of Sentry's span statuses, in lowercase: '%s' is"
          + " not one; did you mean %s?"),
  EXPECTED_NEVER_THROWN(
      Diagnostic.Kind.WARNING,
      "%s names the checked exception '%s', which %s() does not declare, so it is never thrown"
          + " there; declare it in the method's throws clause, or remove it"),
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
      "@ContinueTrace %s path must resolve on the declared type: no property '%s' on '%s' in"
          + " path '%s'%s; set sentryTrace/baggage to the paths of the header values"),
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

  /** At most this many members are listed by {@link #typeHas}; beyond, the list is not "short". */
  static final int LISTED = 8;

  /**
   * The one wording for what a type has instead, appended to a message: {@code "; it has 'items'
   * and 'customer'"}, or nothing when the list is empty or too long to help.
   */
  static String typeHas(List<String> members) {
    if (members.isEmpty() || members.size() > LISTED) {
      return "";
    }
    return "; it has " + joined(members);
  }

  /** {@code 'a'}, {@code 'a' or 'b'}, {@code 'a', 'b' or 'c'}: the candidates of a "did you mean". */
  static String alternatives(List<String> names) {
    return joined(names.stream().map(name -> "'" + name + "'").toList(), " or ");
  }

  /** A place that records a name, for {@link #TYPE_CONFLICT}: {@code parameter 'turns' of Agent.reply()}. */
  static String parameterPlace(String parameter, String method) {
    return "parameter '" + parameter + "' of " + method;
  }

  /** {@code a @ResultAttribute of Agent.reply()}. */
  static String resultPlace(String method) {
    return "a @ResultAttribute of " + method;
  }

  /** {@code Spans.current().attribute in Agent.reply()}. */
  static String callPlace(String method) {
    return "Spans.current().attribute in " + method;
  }

  private static String joined(List<String> members) {
    return joined(members, " and ");
  }

  private static String joined(List<String> items, String last) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
  }

  /**
   * The fix a name or type message ends with, which depends on where the name is written: an
   * annotation says {@code custom = true}, a call passes the name through a non-constant.
   */
  enum Hint {
    /** Near misses and strict-mode findings on an annotation. */
    CUSTOM_ANNOTATION("set custom = true if the name is deliberate"),
    /** Near misses and strict-mode findings on a {@code Spans.current().attribute(...)} call. */
    CUSTOM_CALL("pass the name through a non-constant if it is deliberate"),
    /** A reserved namespace's owner marks its own names. */
    RESERVED_ANNOTATION("set custom = true if its owner defines it"),
    RESERVED_CALL("pass the name through a non-constant if its owner defines it"),
    /** After a type mismatch on an annotation: a path may reach a value of the right type. */
    PATH(" (or add a path to one)"),
    NONE("");

    private final String text;

    Hint(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
