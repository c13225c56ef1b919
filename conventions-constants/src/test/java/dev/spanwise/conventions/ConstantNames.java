package dev.spanwise.conventions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;

/**
 * Where each attribute of Sentry's conventions goes in {@code SentryAttributes}, and under which
 * Java name. The rules, so that a user can guess a name from the attribute:
 *
 * <ul>
 *   <li>the first segment is the namespace, a nested class in UpperCamelCase ({@code gen_ai} →
 *       {@code GenAi}); names without a dot ({@code environment}) are constants of {@code
 *       SentryAttributes} itself;
 *   <li>the rest is the constant, in UPPER_SNAKE_CASE, each dot and each camelCase hump an
 *       underscore ({@code gen_ai.usage.input_tokens} → {@code GenAi.USAGE_INPUT_TOKENS}, {@code
 *       ai.response.toolCalls} → {@code Ai.RESPONSE_TOOL_CALLS});
 *   <li>a family with a {@code <key>} part is a static method in lowerCamelCase named after the
 *       rest without {@code <key>} ({@code http.request.header.<key>} → {@code
 *       Http.requestHeader(key)}, {@code mcp.tool.result.<key>.content} → {@code
 *       Mcp.toolResultContent(key)}), or {@code of} when nothing is left ({@code mdc.<key>} →
 *       {@code Mdc.of(key)});
 *   <li>when two names map to one constant (a dotted name and its underscored spelling, {@code
 *       messaging.message.id} and {@code messaging.message_id}), the one that is not deprecated
 *       keeps it, or else the one with more segments, or else the one in snake_case ({@code
 *       replay_id} before {@code replayId}); the other gets the suffix {@code _LEGACY}.
 *       A clash this does not settle, or a name that is not a Java identifier, stops the
 *       generator: a new rule is then a decision to make, not a number to append.
 * </ul>
 */
final class ConstantNames {

  static final String TOP_LEVEL = "";
  static final String LEGACY = "_LEGACY";

  /** Where one attribute goes: {@code owner} is the nested class, or {@link #TOP_LEVEL}. */
  record Member(SentryAttribute attribute, String owner, String name, boolean method) {}

  /** Which of two clashing names keeps the plain constant: the first. */
  private static final Comparator<SentryAttribute> RANK =
      Comparator.comparing(SentryAttribute::deprecated)
          .thenComparing(attribute -> -segments(attribute.key()))
          .thenComparing(attribute -> !attribute.key().equals(attribute.key().toLowerCase(Locale.ROOT)));

  private ConstantNames() {}

  /** Returns the namespace of {@code key}: its first segment, or {@link #TOP_LEVEL} without a dot. */
  static String namespace(String key) {
    int dot = key.indexOf('.');
    return dot < 0 ? TOP_LEVEL : key.substring(0, dot);
  }

  /** Returns the nested class of a namespace: {@code gen_ai} → {@code GenAi}. */
  static String className(String namespace) {
    StringBuilder name = new StringBuilder();
    for (String part : namespace.split("_")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return checked(name.toString(), namespace);
  }

  /** Returns the constant of a name: the part after the namespace in UPPER_SNAKE_CASE. */
  static String constantName(String key) {
    String rest = rest(key);
    String snake =
        rest.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .replaceAll("[^A-Za-z0-9]+", "_")
            .replaceAll("^_|_$", "");
    return checked(snake.toUpperCase(Locale.ROOT), key);
  }

  /** Returns the builder method of a family: {@code http.request.header.<key>} → {@code requestHeader}. */
  static String methodName(String key) {
    StringBuilder name = new StringBuilder();
    for (String part : rest(key).split("[._\\-]+")) {
      if (part.isEmpty() || part.equals(SentryAttribute.TEMPLATE_KEY)) {
        continue;
      }
      name.append(name.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return checked(name.length() == 0 ? "of" : name.toString(), key);
  }

  /** Returns every attribute's member, by owner (sorted, {@link #TOP_LEVEL} first) and then by key. */
  static Map<String, List<Member>> members(List<SentryAttribute> attributes) {
    Map<String, Map<String, List<SentryAttribute>>> byOwnerAndName = new TreeMap<>();
    for (SentryAttribute attribute : attributes) {
      String namespace = namespace(attribute.key());
      String owner = namespace.equals(TOP_LEVEL) ? TOP_LEVEL : className(namespace);
      String name =
          attribute.isTemplate() ? methodName(attribute.key()) + "()" : constantName(attribute.key());
      byOwnerAndName
          .computeIfAbsent(owner, o -> new TreeMap<>())
          .computeIfAbsent(name, n -> new ArrayList<>())
          .add(attribute);
    }
    Map<String, List<Member>> members = new LinkedHashMap<>();
    byOwnerAndName.forEach(
        (owner, byName) -> {
          List<Member> list = new ArrayList<>();
          byName.forEach((name, clashing) -> list.addAll(settle(owner, name, clashing)));
          list.sort(Comparator.comparing(member -> member.attribute().key()));
          members.put(owner, List.copyOf(list));
        });
    checkNamespacesDistinct(attributes);
    return members;
  }

  private static List<Member> settle(String owner, String name, List<SentryAttribute> clashing) {
    boolean method = name.endsWith("()");
    String plain = method ? name.substring(0, name.length() - 2) : name;
    if (clashing.size() == 1) {
      return List.of(new Member(clashing.get(0), owner, plain, method));
    }
    List<SentryAttribute> ranked = new ArrayList<>(clashing);
    ranked.sort(RANK);
    if (method || ranked.size() > 2 || RANK.compare(ranked.get(0), ranked.get(1)) == 0) {
      throw new IllegalStateException(
          "no rule names these apart in " + (owner.isEmpty() ? "SentryAttributes" : owner) + ": "
              + clashing.stream().map(SentryAttribute::key).toList());
    }
    return List.of(
        new Member(ranked.get(0), owner, plain, false),
        new Member(ranked.get(1), owner, checked(plain + LEGACY, ranked.get(1).key()), false));
  }

  /** Two namespaces that differ only in their underscores or case would share a class. */
  private static void checkNamespacesDistinct(List<SentryAttribute> attributes) {
    Map<String, String> namespaceByClass = new TreeMap<>();
    for (SentryAttribute attribute : attributes) {
      String namespace = namespace(attribute.key());
      if (namespace.equals(TOP_LEVEL)) {
        continue;
      }
      String previous = namespaceByClass.putIfAbsent(className(namespace), namespace);
      if (previous != null && !previous.equals(namespace)) {
        throw new IllegalStateException(
            "namespaces '" + previous + "' and '" + namespace + "' would share the class "
                + className(namespace));
      }
    }
  }

  private static int segments(String key) {
    return key.split("\\.").length;
  }

  private static String rest(String key) {
    String namespace = namespace(key);
    return namespace.equals(TOP_LEVEL) ? key : key.substring(namespace.length() + 1);
  }

  private static String checked(String name, String key) {
    if (!SourceVersion.isName(name) || name.contains(".")) {
      throw new IllegalStateException("'" + key + "' gives '" + name + "', not a Java identifier");
    }
    return name;
  }
}
