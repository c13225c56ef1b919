package dev.spanwise.aspect;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts long strings before they become span data, so that a serialised prompt or conversation
 * cannot bloat every transaction that carries it.
 *
 * <p>The maximum is {@value #DEFAULT_MAX_LENGTH} characters unless the system property {@value
 * #PROPERTY} says otherwise (read once, on first use; {@code 0} turns cutting off). That default
 * keeps a system prompt and a few turns of a conversation readable in Sentry, while a transaction
 * with a hundred such values still stays under Sentry's 1 MB limit for an event. A cut value keeps
 * its first {@code max - 1} characters (never half of a surrogate pair) and ends with {@code …}, so
 * a cut is visible. Strings inside lists are cut the same way.
 */
final class ValueLimits {

  /** The system property that sets the maximum length, in characters. */
  static final String PROPERTY = "spanwise.maxValueLength";

  /** The maximum length when {@link #PROPERTY} is not set. */
  static final int DEFAULT_MAX_LENGTH = 8192;

  static final String ELLIPSIS = "\u2026";

  private ValueLimits() {}

  /** Returns the configured maximum, {@link Integer#MAX_VALUE} when cutting is off. */
  static int maxLength() {
    return Holder.MAX_LENGTH;
  }

  /**
   * Returns the maximum that {@code property} configures: a positive number of characters, {@code
   * 0} for no limit, anything else (unset, negative, not a number) the default.
   */
  static int parse(String property) {
    if (property == null || property.isBlank()) {
      return DEFAULT_MAX_LENGTH;
    }
    try {
      int max = Integer.parseInt(property.strip());
      return max == 0 ? Integer.MAX_VALUE : max > 0 ? max : DEFAULT_MAX_LENGTH;
    } catch (NumberFormatException e) {
      return DEFAULT_MAX_LENGTH;
    }
  }

  /** Returns span data with its strings cut to {@link #maxLength()}. */
  static Object limit(Object data) {
    return limit(data, maxLength());
  }

  static Object limit(Object data, int max) {
    if (data instanceof String text) {
      return cut(text, max);
    }
    if (data instanceof List<?> list) {
      List<Object> limited = null;
      for (int i = 0; i < list.size(); i++) {
        Object element = list.get(i);
        if (element instanceof String text && text.length() > max) {
          if (limited == null) {
            limited = new ArrayList<>(list);
          }
          limited.set(i, cut(text, max));
        }
      }
      return limited == null ? data : limited;
    }
    return data;
  }

  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  private static final class Holder {
    static final int MAX_LENGTH = parse(readProperty());

    private static String readProperty() {
      try {
        return System.getProperty(PROPERTY);
      } catch (SecurityException e) {
        return null;
      }
    }
  }
}
