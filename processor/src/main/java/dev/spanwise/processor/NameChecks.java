package dev.spanwise.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/**
 * The rules about an attribute's name, and its type when the conventions define it: shared by the
 * annotations and by {@code Spans.current().attribute(...)} calls.
 */
final class NameChecks {

  /** Receives findings; where they point is the caller's business. */
  interface Findings {
    void add(Diagnostic.Kind kind, Message message, Object... arguments);

    default void add(Message message, Object... arguments) {
      add(message.kind(), message, arguments);
    }
  }

  /** Where a name is written, which decides the fixes its messages offer. */
  enum Site {
    ANNOTATION(Message.Hint.CUSTOM_ANNOTATION, Message.Hint.RESERVED_ANNOTATION, Message.Hint.PATH),
    CALL(Message.Hint.CUSTOM_CALL, Message.Hint.RESERVED_CALL, Message.Hint.NONE);

    final Message.Hint custom;
    final Message.Hint reserved;
    final Message.Hint otherType;

    Site(Message.Hint custom, Message.Hint reserved, Message.Hint otherType) {
      this.custom = custom;
      this.reserved = reserved;
      this.otherType = otherType;
    }
  }

  private final Conventions conventions;
  private final Options options;

  NameChecks(Conventions conventions, Options options) {
    this.conventions = conventions;
    this.options = options;
  }

  /**
   * Checks {@code name}, recorded by {@code subject} ({@code @SpanAttribute}) at {@code site},
   * from a value of {@code valueType} ({@code null} when unknown) described as {@code javaType}.
   *
   * @param custom the name is declared deliberate: no near-miss or strict-mode finding
   * @return the convention's definition of the name, if it has one
   */
  Optional<Conventions.Attribute> check(
      String subject, Site site, String name, boolean custom, ValueType valueType,
      String javaType, Findings findings) {
    String key = subject + '\n' + site + '\n' + name + '\n' + custom + '\n' + valueType + '\n' + javaType;
    Outcome outcome = outcomes.get(key);
    if (outcome == null) {
      List<Finding> found = new ArrayList<>();
      Optional<Conventions.Attribute> known = checkOnce(subject, site, name, custom, valueType,
          javaType, (kind, message, arguments) -> found.add(new Finding(kind, message, arguments)));
      outcome = new Outcome(List.copyOf(found), known);
      outcomes.put(key, outcome);
    }
    for (Finding finding : outcome.findings()) {
      findings.add(finding.kind(), finding.message(), finding.arguments());
    }
    return outcome.known();
  }

  /** One finding, kept to be given again. */
  private record Finding(Diagnostic.Kind kind, Message message, Object[] arguments) {}

  /** What checking one name from one type found. */
  private record Outcome(List<Finding> findings, Optional<Conventions.Attribute> known) {}

  /**
   * The outcome of every name checked in this compilation: a code base records the same few names
   * in many places, from the same types.
   */
  private final Map<String, Outcome> outcomes = new HashMap<>();

  private Optional<Conventions.Attribute> checkOnce(
      String subject, Site site, String name, boolean custom, ValueType valueType,
      String javaType, Findings findings) {
    Optional<String> syntax = NameSyntax.problem(name);
    // The conventions' own spellings (replayId, http.response.header.content-length) are names, not
    // the application's typos: they get the checks of known names instead. A template written out
    // (mcp.prompt.result.<key>.role) is not a name.
    boolean spelledByConventions = !name.contains(Conventions.KEY)
        && conventions.attribute(name).filter(a -> a.key().equals(name)).isPresent();
    if (syntax.isPresent() && !spelledByConventions) {
      findings.add(Message.NAME_SYNTAX, subject, name, syntax.get());
      return Optional.empty();
    }
    Optional<Conventions.Attribute> known = conventions.attribute(name);
    if (known.isPresent()) {
      checkKnown(subject, site, name, known.get(), valueType, javaType, findings);
    } else {
      checkUnknown(subject, site, name, custom, findings);
    }
    if (isWithheldWithoutPii(name, known, valueType)) {
      findings.add(Message.PERSONAL_DATA, subject, name);
    }
    return known;
  }

  /**
   * Checks a name built by a method of a {@code <key>} family, {@code Http.requestHeader("accept")}
   * for {@code http.request.header.<key>}: with a constant {@code key}, the built name as a known
   * one (its own definition if the conventions list it, like {@code
   * http.response.header.content-length}, else the family's); without ({@code key} null), the
   * family itself. Type, deprecation and personal data as for any known name; neither the syntax
   * nor near misses, since a key is the application's text (a header name has dashes).
   *
   * @param template the family, as the method's {@code @AttributeTemplate} writes it
   * @return the convention's definition of the name, or empty when the processor's conventions do
   *     not know the family (a newer {@code spanwise-conventions}): then nothing is checked
   */
  Optional<Conventions.Attribute> checkBuilt(
      String subject, Site site, String template, String key, ValueType valueType,
      String javaType, Findings findings) {
    Optional<Conventions.Attribute> family = conventions.template(template);
    if (family.isEmpty()) {
      return Optional.empty();
    }
    String name = key == null ? template : template.replace(Conventions.KEY, key);
    Conventions.Attribute attribute =
        key == null ? family.get() : conventions.attribute(name).orElse(family.get());
    checkKnown(subject, site, name, withKey(attribute, key), valueType, javaType, findings);
    if (isWithheldWithoutPii(name, Optional.of(attribute), valueType)) {
      findings.add(Message.PERSONAL_DATA, subject, name);
    }
    return Optional.of(attribute);
  }

  /** {@code attribute} with {@code key} in its replacements' {@code <key>}, for the message. */
  private static Conventions.Attribute withKey(Conventions.Attribute attribute, String key) {
    if (key == null) {
      return attribute;
    }
    return new Conventions.Attribute(attribute.key(), attribute.type(), attribute.origin(),
        attribute.deprecated(), attribute.personalData(),
        attribute.replacements().stream().map(r -> r.replace(Conventions.KEY, key)).toList());
  }

  private void checkKnown(
      String subject, Site site, String name, Conventions.Attribute attribute, ValueType valueType,
      String javaType, Findings findings) {
    if (attribute.deprecated() && !attribute.replacements().isEmpty()) {
      String replacements = attribute.replacements().stream()
          .map(replacement -> "'" + replacement + "'")
          .collect(Collectors.joining(" or "));
      findings.add(Message.DEPRECATED, subject, attribute.originName(), name, replacements);
    } else if (attribute.deprecated() && options.strict()) {
      findings.add(unknownKind(), Message.DEPRECATED_WITHOUT_REPLACEMENT, subject,
          attribute.originName(), name);
    }
    if (valueType != null && !attribute.type().accepts(valueType)) {
      findings.add(Message.TYPE_MISMATCH, subject, name, article(attribute.type()),
          attribute.originName(), javaType, JavaTypes.suggestion(attribute.type()), site.otherType);
    }
  }

  /**
   * The runtime's rule ({@code PersonalData}): an exact personal-data name is withheld whatever its
   * value; a name in a personal-data family (its {@code <key>} at the end or mid-name, as in
   * {@code mcp.prompt.result.<key>.role}) only when its value is text (unknown counts as text).
   */
  private boolean isWithheldWithoutPii(
      String name, Optional<Conventions.Attribute> known, ValueType valueType) {
    boolean exact = known.filter(a -> a.personalData() && !a.key().contains(Conventions.KEY)).isPresent();
    boolean text = valueType == null || valueType.scalar() == ValueType.Scalar.STRING;
    return exact || (text && conventions.inPersonalFamily(name));
  }

  private void checkUnknown(String subject, Site site, String name, boolean custom, Findings findings) {
    String namespace = Conventions.namespaceOf(name);
    Optional<String> nearMiss = conventions.nearMiss(name);
    if (namespace.equals("sentry")) {
      if (nearMiss.isPresent()) {
        findings.add(Message.SENTRY_NAMESPACE_NEAR_MISS, subject, name, nearMiss.get());
      } else {
        findings.add(Message.SENTRY_NAMESPACE, subject, name);
      }
      return;
    }
    for (String reserved : options.reservedNamespaces()) {
      if (name.startsWith(reserved + ".") && !custom) {
        findings.add(Message.RESERVED_NAMESPACE, subject, reserved, name, site.reserved);
        return;
      }
    }
    if (custom) {
      return;
    }
    if (nearMiss.isPresent()) {
      findings.add(Message.NEAR_MISS, subject, name, nearMiss.get(), site.custom);
    } else if (options.strict() && conventions.inBigNamespace(name)) {
      findings.add(unknownKind(), Message.UNKNOWN_IN_CONVENTION_NAMESPACE, subject, namespace, name,
          site.custom);
    }
  }

  private Diagnostic.Kind unknownKind() {
    return options.unknownAsError() ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
  }

  private static String article(ValueType type) {
    String text = type.toString();
    return (text.startsWith("i") || text.startsWith("a") ? "an " : "a ") + text;
  }
}
