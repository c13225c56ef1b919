package dev.spanwise.aspect;

import io.sentry.Sentry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The attribute names Sentry's conventions mark as possibly personal data ({@code
 * META-INF/spanwise/pii-attributes.txt}), which are recorded only when Sentry's {@code
 * sendDefaultPii} option is on, as Sentry's own integrations do with request data.
 *
 * <ul>
 *   <li>An exact name ({@code url.query}, {@code user.id}, {@code db.statement}) is withheld
 *       whatever its value.
 *   <li>A family ({@code http.request.header.<key>}, {@code query.<key>}, {@code
 *       mcp.prompt.result.<key>.role}) stands for every name with what precedes and follows its
 *       {@code <key>}, and is withheld when the value is a string or a list of strings: those
 *       families carry raw request data (headers, query parameters, bound values). A number or a
 *       boolean under such a prefix is a measurement the application computed, like the seed's
 *       {@code query.length}, and is recorded.
 * </ul>
 *
 * <p>The list is read once, on first use. The option is read on each withheld candidate, from the
 * current scopes, so that a re-initialised Sentry is honoured.
 */
final class PersonalData {

  static final String RESOURCE = "META-INF/spanwise/pii-attributes.txt";

  private static final String KEY = "<key>";

  private PersonalData() {}

  /** What the list says of one attribute name; decided once per annotated attribute. */
  enum Kind {
    /** Not on the list: always recorded. */
    NONE,
    /** An exact name: withheld whatever its value. */
    EXACT,
    /** Under a family's prefix: withheld when its value is text. */
    FAMILY
  }

  /**
   * Returns whether {@code name} must be left out now: it is personal data (for a family, with the
   * span-data value {@code data}; {@code null} checks exact names only) and {@code sendDefaultPii}
   * is off.
   */
  static boolean withheld(String name, Object data) {
    return withheld(kindOf(name), data);
  }

  /** As {@link #withheld(String, Object)}, for a name whose {@link #kindOf kind} is known. */
  static boolean withheld(Kind kind, Object data) {
    return isPersonal(kind, data) && !sendDefaultPii();
  }

  static boolean isPersonal(String name, Object data) {
    return isPersonal(kindOf(name), data);
  }

  private static boolean isPersonal(Kind kind, Object data) {
    return kind == Kind.EXACT || (kind == Kind.FAMILY && isText(data));
  }

  /** Looks {@code name} up in the list: its exact names, then its families. */
  static Kind kindOf(String name) {
    Names names = Names.INSTANCE;
    if (names.exact.contains(name)) {
      return Kind.EXACT;
    }
    for (int i = 0; i < names.prefixes.length; i++) {
      String prefix = names.prefixes[i];
      String suffix = names.suffixes[i];
      if (name.length() > prefix.length() + suffix.length()
          && name.startsWith(prefix)
          && name.endsWith(suffix)) {
        return Kind.FAMILY;
      }
    }
    return Kind.NONE;
  }

  private static boolean isText(Object data) {
    if (data instanceof String) {
      return true;
    }
    if (data instanceof List<?> values) {
      for (Object value : values) {
        if (value instanceof String) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean sendDefaultPii() {
    try {
      return Sentry.getCurrentScopes().getOptions().isSendDefaultPii();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** The parsed resource; a holder, so it is read on first use and once. */
  private static final class Names {
    static final Names INSTANCE = load();

    final Set<String> exact;
    /** Each family's text before its {@code <key>}, and at the same index the text after it. */
    final String[] prefixes;
    final String[] suffixes;

    private Names(Set<String> exact, List<String> prefixes, List<String> suffixes) {
      this.exact = exact;
      this.prefixes = prefixes.toArray(new String[0]);
      this.suffixes = suffixes.toArray(new String[0]);
    }

    private static Names load() {
      Set<String> exact = new HashSet<>();
      List<String> prefixes = new ArrayList<>();
      List<String> suffixes = new ArrayList<>();
      ClassLoader loader = PersonalData.class.getClassLoader();
      try (InputStream in =
          loader == null
              ? ClassLoader.getSystemResourceAsStream(RESOURCE)
              : loader.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
              continue;
            }
            int key = name.indexOf(KEY);
            if (key >= 0) {
              prefixes.add(name.substring(0, key));
              suffixes.add(name.substring(key + KEY.length()));
            } else {
              exact.add(name);
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        // The list ships in this jar; without it nothing is withheld rather than tracing failing.
      }
      return new Names(Set.copyOf(exact), prefixes, suffixes);
    }
  }
}
