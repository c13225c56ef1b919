package dev.spanwise.processor;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processor's {@code -A} options.
 *
 * @param strict warn on names the conventions do not know in their big namespaces ({@code http.},
 *     {@code db.}, {@code messaging.}, {@code gen_ai.}, …) and on deprecated names that have no
 *     replacement
 * @param unknownAsError report those warnings as errors
 * @param reservedNamespaces the project's own namespaces: like {@code sentry.}, an unknown name in
 *     them is an error (unless {@code custom = true})
 */
record Options(boolean strict, boolean unknownAsError, Set<String> reservedNamespaces) {

  static final String STRICT = "spanwise.strict";
  static final String UNKNOWN_AS_ERROR = "spanwise.unknownAsError";
  static final String RESERVED_NAMESPACES = "spanwise.reservedNamespaces";

  static final Set<String> NAMES = Set.of(STRICT, UNKNOWN_AS_ERROR, RESERVED_NAMESPACES);

  static Options from(Map<String, String> options) {
    return new Options(
        Boolean.parseBoolean(options.get(STRICT)),
        Boolean.parseBoolean(options.get(UNKNOWN_AS_ERROR)),
        Arrays.stream(options.getOrDefault(RESERVED_NAMESPACES, "").split(","))
            .map(String::trim)
            .map(namespace -> namespace.endsWith(".") ? namespace.substring(0, namespace.length() - 1) : namespace)
            .filter(namespace -> !namespace.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
  }
}
