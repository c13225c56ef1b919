package dev.spanwise.aspect;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.Span;
import io.sentry.SpanStatus;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The exceptions a {@code @Span} method names as expected outcomes ({@link ExpectedException},
 * {@link Span#expected()}), resolved once per method: each with the status its span ends with.
 *
 * <p>The entries are kept most specific first, so the first one the throwable is an instance of
 * wins: a subclass before its superclass, and for the same class an {@code @ExpectedException}
 * before {@code Span.expected()}. The throwable classes of one instance all lie on its superclass
 * chain, so "most specific" is simply "deepest".
 */
final class ExpectedOutcomes {

  /** Span data: the expected exception's class name, OpenTelemetry's {@code exception.type}. */
  static final String EXCEPTION_TYPE = "exception.type";

  static final ExpectedOutcomes NONE = new ExpectedOutcomes(List.of());

  private final Outcome[] outcomes;

  private ExpectedOutcomes(List<Outcome> outcomes) {
    this.outcomes = outcomes.toArray(new Outcome[0]);
  }

  /**
   * The outcomes {@code method} names through {@code span} (its {@code @Span}, {@code null} when it
   * has none) and its {@code @ExpectedException}s.
   */
  static ExpectedOutcomes of(Method method, Span span) {
    List<Outcome> outcomes = new ArrayList<>();
    for (ExpectedException expected : method.getAnnotationsByType(ExpectedException.class)) {
      outcomes.add(Outcome.of(expected.value(), expected.status(), 0));
    }
    if (span != null) {
      for (Class<? extends Throwable> type : span.expected()) {
        outcomes.add(new Outcome(type, SpanStatus.OK, null, 1));
      }
    }
    if (outcomes.isEmpty()) {
      return NONE;
    }
    // Stable: at the same depth and source, the order of the annotations.
    outcomes.sort(
        Comparator.comparingInt((Outcome o) -> -depth(o.type())).thenComparingInt(Outcome::source));
    return new ExpectedOutcomes(outcomes);
  }

  /** Returns the outcome {@code thrown} is expected as, or {@code null}: it is a failure. */
  Outcome match(Throwable thrown) {
    for (Outcome outcome : outcomes) {
      if (outcome.type().isInstance(thrown)) {
        return outcome;
      }
    }
    return null;
  }

  /** Returns whether the method names no expected exception. */
  boolean isEmpty() {
    return outcomes.length == 0;
  }

  private static int depth(Class<?> type) {
    int depth = 0;
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      depth++;
    }
    return depth;
  }

  /**
   * One expected exception class and the status its span ends with.
   *
   * @param type the class; its subclasses are expected too
   * @param status the span's status
   * @param invalidStatus the status as written when it is none of Sentry's (the span then ends
   *     {@code ok} and records why as {@code spanwise.error.exception.status}), else {@code null}
   * @param source 0 for {@code @ExpectedException}, 1 for {@code Span.expected()}: the first wins
   */
  record Outcome(
      Class<? extends Throwable> type, SpanStatus status, String invalidStatus, int source) {

    static Outcome of(Class<? extends Throwable> type, String status, int source) {
      try {
        return new Outcome(type, SpanStatus.valueOf(status.trim().toUpperCase(Locale.ROOT)), null, source);
      } catch (IllegalArgumentException e) {
        return new Outcome(type, SpanStatus.OK, status, source);
      }
    }
  }
}
