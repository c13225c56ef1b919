package dev.spanwise.aspect;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which {@code @Span} methods are switched off, from one setting read once at start: {@code
 * spanwise.exclude} (a Spring property, or a system property in plain Java) or the environment
 * variable {@code SPANWISE_EXCLUDE}. An excluded method's plan says "off": it runs as it does with
 * Sentry off, with no span and nothing span-related allocated.
 *
 * <p>The setting is a list of patterns separated by commas or whitespace; a method is excluded when
 * any pattern matches it:
 *
 * <ul>
 *   <li>{@code com.acme.Cart}: every method of the class {@code com.acme.Cart} (a nested class as
 *       {@code Class.getName()} spells it, {@code com.acme.Cart$Line});
 *   <li>{@code com.acme.Cart#total}: the method {@code total} of that class, whatever its
 *       parameters; after {@code #}, {@code *} matches any characters ({@code Cart#get*});
 *   <li>{@code com.acme.internal.*}: every class of the package {@code com.acme.internal}, not of
 *       its subpackages: in a class name, {@code *} matches any characters but {@code .};
 *   <li>{@code com.acme..*}: every class of {@code com.acme} and of its subpackages: {@code ..}
 *       matches any number of packages, as in AspectJ's type patterns.
 * </ul>
 *
 * <p>A method is matched by the class that declares the running implementation, and, for a span
 * declared on an interface method, by that interface too. A pattern that is not of this grammar
 * is ignored, and all such patterns are reported in one message at start ({@link System.Logger},
 * logger {@code dev.spanwise}, level {@code WARNING}); a bad setting never fails the application.
 */
public final class SpanExclusions {

  /** The Spring property and the system property. */
  public static final String PROPERTY = "spanwise.exclude";

  /** The environment variable, read when the system property is not set. */
  public static final String ENVIRONMENT_VARIABLE = "SPANWISE_EXCLUDE";

  private static final SpanExclusions NONE = new SpanExclusions(List.of(), List.of());

  /** A class part: Java identifier characters, {@code .}, {@code $}, {@code *}; no empty segment. */
  private static final Pattern CLASS_PART =
      Pattern.compile("(?:[\\p{javaJavaIdentifierPart}*]+)(?:(?:\\.|\\.\\.)[\\p{javaJavaIdentifierPart}*]+)*");

  private static final Pattern METHOD_PART = Pattern.compile("[\\p{javaJavaIdentifierPart}*]+");

  private final List<Rule> rules;
  private final List<String> invalid;

  private SpanExclusions(List<Rule> rules, List<String> invalid) {
    this.rules = List.copyOf(rules);
    this.invalid = List.copyOf(invalid);
  }

  /** Returns the exclusions that exclude nothing. */
  public static SpanExclusions none() {
    return NONE;
  }

  /**
   * Parses {@code setting} ({@code null} or blank: nothing is excluded) and reports its invalid
   * patterns, if any, once. Never throws.
   */
  public static SpanExclusions parse(String setting) {
    SpanExclusions exclusions = parseQuietly(setting);
    exclusions.reportInvalid();
    return exclusions;
  }

  /** The plain-Java setting: the system property, else the environment variable. */
  static SpanExclusions fromSystem() {
    try {
      String setting = System.getProperty(PROPERTY);
      if (setting == null) {
        setting = System.getenv(ENVIRONMENT_VARIABLE);
      }
      return parse(setting);
    } catch (RuntimeException e) {
      // A security manager that forbids reading them: nothing is excluded.
      return NONE;
    }
  }

  static SpanExclusions parseQuietly(String setting) {
    if (setting == null || setting.isBlank()) {
      return NONE;
    }
    List<Rule> rules = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (String pattern : setting.trim().split("[,\\s]+")) {
      if (pattern.isEmpty()) {
        continue;
      }
      Rule rule = Rule.parse(pattern);
      if (rule == null) {
        invalid.add(pattern);
      } else {
        rules.add(rule);
      }
    }
    return new SpanExclusions(rules, invalid);
  }

  /** Returns the patterns that were ignored as invalid, as written. */
  public List<String> invalidPatterns() {
    return invalid;
  }

  /** Returns whether nothing is excluded. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Returns whether {@code method}, declared by {@code type}, is excluded. */
  boolean excludes(Class<?> type, String method) {
    return !rules.isEmpty() && excludes(type.getName(), method);
  }

  /** Returns whether the method {@code method} of the class named {@code className} is excluded. */
  boolean excludes(String className, String method) {
    for (Rule rule : rules) {
      if (rule.matches(className, method)) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether {@code method} is excluded by the class that declares it. */
  boolean excludes(Method method) {
    return excludes(method.getDeclaringClass(), method.getName());
  }

  private void reportInvalid() {
    if (invalid.isEmpty()) {
      return;
    }
    try {
      System.getLogger("dev.spanwise")
          .log(
              System.Logger.Level.WARNING,
              "Spanwise: ignoring invalid "
                  + PROPERTY
                  + " pattern(s) "
                  + invalid
                  + "; a pattern is a class (com.acme.Cart), a method (com.acme.Cart#total),"
                  + " a package's classes (com.acme.internal.*) or a package and its subpackages"
                  + " (com.acme..*)");
    } catch (RuntimeException | LinkageError e) {
      // No logging: the patterns are still ignored.
    }
  }

  @Override
  public String toString() {
    return "SpanExclusions" + rules;
  }

  /** One valid pattern, compiled. */
  private record Rule(String pattern, Pattern type, Pattern method) {

    static Rule parse(String pattern) {
      int hash = pattern.indexOf('#');
      String classPart = hash < 0 ? pattern : pattern.substring(0, hash);
      String methodPart = hash < 0 ? null : pattern.substring(hash + 1);
      if (!CLASS_PART.matcher(classPart).matches()
          || (methodPart != null && !METHOD_PART.matcher(methodPart).matches())) {
        return null;
      }
      return new Rule(
          pattern,
          Pattern.compile(classRegex(classPart)),
          methodPart == null
              ? null
              : Pattern.compile(methodPart.replace("$", "\\$").replace("*", ".*")));
    }

    private static String classRegex(String classPart) {
      StringBuilder regex = new StringBuilder();
      int i = 0;
      while (i < classPart.length()) {
        char c = classPart.charAt(i);
        if (c == '.' && classPart.startsWith("..", i)) {
          // Any number of packages between: ".", or ".x.", ".x.y.", ...
          regex.append("\\.(?:[^.]+\\.)*");
          i += 2;
        } else if (c == '.') {
          regex.append("\\.");
          i++;
        } else if (c == '*') {
          regex.append("[^.]*");
          i++;
        } else if (c == '$') {
          regex.append("\\$");
          i++;
        } else {
          regex.append(c);
          i++;
        }
      }
      return regex.toString();
    }

    boolean matches(String className, String methodName) {
      return type.matcher(className).matches()
          && (method == null || method.matcher(methodName).matches());
    }

    @Override
    public String toString() {
      return pattern;
    }
  }
}
