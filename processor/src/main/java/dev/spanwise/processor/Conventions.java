package dev.spanwise.processor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The attributes and ops of Sentry's and OpenTelemetry's conventions, read from the resource that
 * {@code ConventionsGenerator} writes from {@code shared/conventions}.
 */
final class Conventions {

  static final String RESOURCE = "/dev/spanwise/processor/conventions.tsv";

  /** The dynamic part of a family's name, as the conventions write it. */
  static final String KEY = "<key>";

  /** A namespace with at least this many known names is a "big" one for the strict mode. */
  private static final int BIG_NAMESPACE = 10;

  /** One known attribute. */
  record Attribute(
      String key, ValueType type, String origin, boolean deprecated, boolean personalData,
      List<String> replacements) {

    /** Returns "Sentry" or "OpenTelemetry", for messages. */
    String originName() {
      return origin.equals("sentry") ? "Sentry" : "OpenTelemetry";
    }
  }

  private final Map<String, Attribute> exact = new HashMap<>();
  /** Every family with a {@code <key>} part, by its template: {@code mdc.<key>}, {@code mcp.prompt.result.<key>.role}. */
  private final Map<String, Attribute> templates = new HashMap<>();
  /** Dynamic-suffix names by their fixed prefix ({@code http.request.header.}). */
  private final Map<String, Attribute> prefixes = new LinkedHashMap<>();
  /** Each personal-data family as what precedes and follows its {@code <key>}. */
  private final List<String[]> personalFamilies = new ArrayList<>();
  private final Map<String, List<String>> namesByNamespace = new HashMap<>();
  private final Set<String> ops = new TreeSet<>();
  /** The known ops by category, {@code queue} → {@code queue.process}, {@code queue.publish}, …. */
  private final Map<String, List<String>> opsByCategory = new HashMap<>();

  private static Conventions shared;

  /** Returns the conventions of the processor's resource, read once per class loader. */
  static synchronized Conventions load() {
    if (shared == null) {
      try (InputStream in = Conventions.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        shared = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  static Conventions parse(BufferedReader lines) throws IOException {
    Conventions conventions = new Conventions();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      if (columns[0].equals("op")) {
        conventions.ops.add(columns[1]);
      } else {
        conventions.add(
            new Attribute(
                columns[1],
                ValueType.parse(columns[2]),
                columns[3],
                columns[4].contains("d"),
                columns[4].contains("p"),
                columns[5].equals("-") ? List.of() : List.of(columns[5].split("\\|"))));
      }
    }
    conventions.indexOps();
    return conventions;
  }

  /** Sorted, as {@link #ops} is: every category's ops in alphabetical order. */
  private void indexOps() {
    for (String op : ops) {
      int dot = op.lastIndexOf('.');
      for (int end = op.indexOf('.'); end > 0 && end <= dot; end = op.indexOf('.', end + 1)) {
        opsByCategory.computeIfAbsent(op.substring(0, end), c -> new ArrayList<>()).add(op);
      }
    }
  }

  private void add(Attribute attribute) {
    String key = attribute.key();
    if (key.contains(KEY)) {
      templates.put(key, attribute);
      if (attribute.personalData()) {
        int at = key.indexOf(KEY);
        personalFamilies.add(
            new String[] {key.substring(0, at), key.substring(at + KEY.length())});
      }
    }
    if (key.endsWith(".<key>")) {
      String prefix = key.substring(0, key.length() - "<key>".length());
      // A one-segment template (query.<key>, mdc.<key>) would claim a whole namespace that
      // applications use for their own names (query.length): only deeper ones match.
      if (prefix.indexOf('.') < prefix.length() - 1) {
        prefixes.put(prefix, attribute);
      }
      return;
    }
    exact.put(key, attribute);
    namesByNamespace.computeIfAbsent(namespaceOf(key), n -> new ArrayList<>()).add(key);
  }

  /**
   * Returns the family written {@code template} in the conventions ({@code http.request.header.<key>},
   * {@code mdc.<key>}, {@code mcp.prompt.result.<key>.role}), whatever the place of its {@code
   * <key>}: the template a name-building method declares, rather than a name to match.
   */
  Optional<Attribute> template(String template) {
    return Optional.ofNullable(templates.get(template));
  }

  /** Returns the known attribute {@code name} is, directly or as a dynamic suffix. */
  Optional<Attribute> attribute(String name) {
    Attribute attribute = exact.get(name);
    if (attribute != null) {
      return Optional.of(attribute);
    }
    for (Map.Entry<String, Attribute> template : prefixes.entrySet()) {
      if (name.startsWith(template.getKey()) && name.length() > template.getKey().length()) {
        return Optional.of(template.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether {@code name} falls under a personal-data family ({@code query.<key>}, {@code
   * http.request.header.<key>}, {@code mcp.prompt.result.<key>.role}), one-segment families
   * included: the runtime withholds text values there unless {@code sendDefaultPii} is on.
   */
  boolean inPersonalFamily(String name) {
    for (String[] family : personalFamilies) {
      if (name.length() > family[0].length() + family[1].length()
          && name.startsWith(family[0])
          && name.endsWith(family[1])) {
        return true;
      }
    }
    return false;
  }

  /** Returns the known names of {@code name}'s first segment. */
  List<String> namesInNamespaceOf(String name) {
    return namesByNamespace.getOrDefault(namespaceOf(name), List.of());
  }

  /** Returns whether {@code name} is in a namespace where the conventions define many names. */
  boolean inBigNamespace(String name) {
    return namesInNamespaceOf(name).size() >= BIG_NAMESPACE;
  }

  /** Returns the known name one typo from {@code name} in its namespace, if there is one. */
  Optional<String> nearMiss(String name) {
    return namesInNamespaceOf(name).stream()
        .filter(known -> EditDistance.isOneTypo(name, known))
        .min(Comparator.comparing((String known) -> exact.get(known).deprecated())
            .thenComparingInt(known -> EditDistance.between(name, known))
            .thenComparing(Comparator.naturalOrder()));
  }

  boolean isKnownOp(String op) {
    return ops.contains(op);
  }

  /** Returns the known ops below {@code category} ({@code queue} → {@code queue.publish}, …). */
  List<String> opsInCategory(String category) {
    return opsByCategory.getOrDefault(category, List.of());
  }

  static String namespaceOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
