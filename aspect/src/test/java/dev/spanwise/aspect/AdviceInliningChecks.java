package dev.spanwise.aspect;

import dev.spanwise.aspect.fixtures.LoadedBeforeTheAspect;
import dev.spanwise.testing.SentryCapture;
import io.sentry.protocol.SentryTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link AdviceInliningTest} in a JVM of its own, where nothing has loaded {@code
 * SpanAspect} yet: loads a woven class, calls its {@code @Span} method once, and prints whether the
 * call was traced and which closures the weaver made for the class.
 */
public final class AdviceInliningChecks {

  /** AspectJ names the closures of a class's around advice {@code Outer$AjcClosure1, 3, 5...}. */
  private static final int CLOSURE_NUMBERS_TO_PROBE = 16;

  private AdviceInliningChecks() {}

  public static void main(String[] args) throws Exception {
    LoadedBeforeTheAspect woven = new LoadedBeforeTheAspect();
    long result;
    List<SentryTransaction> sent;
    try (SentryCapture sentry = SentryCapture.start()) {
      result = woven.charge("stripe", 100);
      sent = sentry.transactions();
    }
    List<String> ops = new ArrayList<>();
    sent.forEach(transaction -> ops.add(transaction.getContexts().getTrace().getOperation()));
    System.out.println("result: " + result);
    System.out.println("traced as: " + ops);
    System.out.println("closures: " + closuresOf(LoadedBeforeTheAspect.class));
  }

  private static List<String> closuresOf(Class<?> woven) {
    List<String> found = new ArrayList<>();
    for (int number = 1; number <= CLOSURE_NUMBERS_TO_PROBE; number++) {
      String name = woven.getName() + "$AjcClosure" + number;
      try {
        Class.forName(name, false, woven.getClassLoader());
        found.add(name);
      } catch (ClassNotFoundException absent) {
        // The weaver made no such closure: the advice is inlined.
      }
    }
    return found;
  }
}
