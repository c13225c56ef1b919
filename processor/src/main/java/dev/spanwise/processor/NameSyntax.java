package dev.spanwise.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The shape every attribute name and op must have: lowercase dot-separated segments. */
final class NameSyntax {

  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private NameSyntax() {}

  /** Returns what is wrong with {@code name} ("has a space and capitals"), or empty when valid. */
  static Optional<String> problem(String name) {
    if (VALID.matcher(name).matches()) {
      return Optional.empty();
    }
    if (name.isEmpty()) {
      return Optional.of("is empty");
    }
    List<String> faults = new ArrayList<>();
    if (name.indexOf(' ') >= 0) {
      faults.add("a space");
    }
    if (!name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
      faults.add("capitals");
    }
    if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
      faults.add("an empty segment");
    }
    for (String segment : name.split("\\.")) {
      if (!segment.isEmpty() && !Character.isLetter(segment.charAt(0))) {
        faults.add("a segment that does not start with a letter ('" + segment + "')");
        break;
      }
    }
    name.chars()
        .filter(c -> c != ' ' && c != '.' && c != '_' && !Character.isLetterOrDigit(c))
        .distinct()
        .limit(1)
        .forEach(c -> faults.add("the character '" + (char) c + "'"));
    if (faults.isEmpty()) {
      faults.add("has characters other than a-z, 0-9 and _");
      return Optional.of(faults.get(0));
    }
    return Optional.of("has " + join(faults));
  }

  private static String join(List<String> faults) {
    if (faults.size() == 1) {
      return faults.get(0);
    }
    return String.join(", ", faults.subList(0, faults.size() - 1)) + " and " + faults.get(faults.size() - 1);
  }
}
