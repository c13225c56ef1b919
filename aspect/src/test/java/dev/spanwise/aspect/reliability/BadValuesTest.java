package dev.spanwise.aspect.reliability;

import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.reliability.Hostile.BadChars;
import dev.spanwise.aspect.reliability.Hostile.BadNumber;
import dev.spanwise.aspect.reliability.Hostile.Getter;
import dev.spanwise.aspect.reliability.Hostile.LyingSize;
import dev.spanwise.aspect.reliability.Hostile.ModifiedWhileRead;
import dev.spanwise.aspect.reliability.Hostile.Node;
import dev.spanwise.testing.SentryCapture;
import io.sentry.Sentry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8.6: values that fight back. Whatever an attribute holds, the method runs and returns
 * normally, no span is left active, and the span says what could not be read as {@code
 * spanwise.error.<name>}.
 */
@Timeout(60)
class BadValuesTest {

  /** What each input left on its span, for docs/reliability.md. */
  private static final Map<String, String> RECORDED = new TreeMap<>();

  private final Hostile hostile = new Hostile();
  private SentryCapture sentry;

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @AfterAll
  static void writeFigures() {
    ReliabilityFigures figures = ReliabilityFigures.of("bad-values").put("inputs", RECORDED.size());
    RECORDED.forEach(
        (input, recorded) ->
            figures.put("input." + key(input) + ".name", input).put("input." + key(input) + ".recorded", recorded));
    figures.write();
  }

  @Test
  void tenMegabyteStringIsPassedThroughAndTheCallReturns() {
    String huge = "x".repeat(10 * 1024 * 1024);

    Map<String, Object> data = call("huge string (10 MiB)", () -> hostile.text(huge), huge.length());

    // Truncation is another issue's: here only that the call returned and the span was sent.
    assertThat(data)
        .satisfiesAnyOf(
            d -> assertThat(d).containsKey("v.text"),
            d -> assertThat(d).containsKey("spanwise.error.v.text"));
  }

  @Test
  void deepPathThatMeetsNullSaysWhere() {
    Node chain = new Node(new Node(new Node(null, "c"), "b"), "a");

    assertThat(call("deep path meeting null", () -> hostile.deep(chain), "ran"))
        .containsEntry(
            "spanwise.error.v.deep", "path 'next.next.next.next.name' met null at 'next'")
        .doesNotContainKey("v.deep");
    assertThat(call("deep path, null argument", () -> hostile.deep(null), "ran"))
        .containsEntry(
            "spanwise.error.v.deep", "path 'next.next.next.next.name' met null at the argument");
    Node full = new Node(new Node(new Node(new Node(new Node(null, "e"), "d"), "c"), "b"), "a");
    assertThat(call("deep path, complete", () -> hostile.deep(full), "ran"))
        .containsEntry("v.deep", "e");
  }

  @Test
  void getterThatThrowsAnythingIsRecorded() {
    assertGetterFailureRecorded(
        "getter throwing IllegalStateException",
        () -> {
          throw new IllegalStateException("no value");
        },
        "'value' threw java.lang.IllegalStateException: no value");
    assertGetterFailureRecorded(
        "getter throwing a checked IOException",
        () -> sneakyThrow(new IOException("disk gone")),
        "'value' threw java.io.IOException: disk gone");
    assertGetterFailureRecorded(
        "getter throwing AssertionError",
        () -> {
          throw new AssertionError("invariant");
        },
        "'value' threw java.lang.AssertionError: invariant");
    assertGetterFailureRecorded(
        "getter recursing into StackOverflowError",
        () -> Hostile.recurse(0),
        "'value' threw java.lang.StackOverflowError");
  }

  @Test
  void resultGetterThatThrowsIsRecordedAndTheResultReturned() {
    Getter broken =
        new Getter(
            () -> {
              throw new IllegalStateException("no result value");
            });

    assertThat(call("result getter throwing", () -> hostile.result(broken), broken))
        .containsEntry(
            "spanwise.error.v.result",
            "path 'value': 'value' threw java.lang.IllegalStateException: no result value");
  }

  @Test
  void valueWhoseToStringThrowsIsNeverPrintedAndIsRecorded() {
    Object hostileToString =
        new Object() {
          @Override
          public String toString() {
            throw new AssertionError("toString must not be called");
          }
        };
    assertThat(call("object whose toString throws", () -> hostile.value(hostileToString), "ran"))
        .hasEntrySatisfying(
            "spanwise.error.v.value", reason -> assertThat((String) reason).contains("unsupported value type"));

    // A CharSequence is recorded by its toString: what that throws is recorded, never rethrown.
    assertThat(
            call(
                "CharSequence whose toString throws IllegalStateException",
                () -> hostile.chars(new BadChars(() -> {
                  throw new IllegalStateException("no text");
                })),
                "ran"))
        .containsEntry("spanwise.error.v.chars", "java.lang.IllegalStateException: no text");
    assertThat(
            call(
                "CharSequence whose toString throws AssertionError",
                () -> hostile.chars(new BadChars(() -> {
                  throw new AssertionError("no text");
                })),
                "ran"))
        .containsEntry("spanwise.error.v.chars", "java.lang.AssertionError: no text");
    assertThat(
            call(
                "CharSequence whose toString recurses into StackOverflowError",
                () -> hostile.chars(new BadChars(() -> Hostile.recurse(0))),
                "ran"))
        .containsEntry("spanwise.error.v.chars", "java.lang.StackOverflowError");
    assertThat(
            call(
                "Number whose doubleValue throws AssertionError",
                () -> hostile.number(new BadNumber(() -> {
                  throw new AssertionError("NaN-ish");
                })),
                "ran"))
        .containsEntry("spanwise.error.v.number", "java.lang.AssertionError: NaN-ish");
  }

  @Test
  void resultWhoseToStringThrowsIsRecordedAndTheCallStillReturns() {
    BadChars result =
        new BadChars(
            () -> {
              throw new AssertionError("no text");
            });

    assertThat(call("result CharSequence whose toString throws AssertionError",
            () -> hostile.resultChars(result), result))
        .containsEntry("spanwise.error.v.result_chars", "java.lang.AssertionError: no text");
  }

  @Test
  void recursiveCollectionsAndMapsAreRecordedAsUnsupported() {
    List<Object> selfContaining = new ArrayList<>();
    selfContaining.add("first");
    selfContaining.add(selfContaining);
    Map<String, Object> selfMap = new HashMap<>();
    selfMap.put("self", selfMap);

    assertThat(call("list containing itself", () -> hostile.collection(selfContaining), 1))
        .containsEntry(
            "spanwise.error.v.collection",
            "dev.spanwise.aspect.SpanValues$UnsupportedValueException: unsupported value type"
                + " java.util.ArrayList (record a string, boolean, number, enum, or a path to one)");
    assertThat(call("map containing itself", () -> hostile.mapSize(selfMap, selfMap), 1))
        .containsEntry("v.map_size", 1)
        .hasEntrySatisfying(
            "spanwise.error.v.map",
            reason -> assertThat((String) reason).contains("unsupported value type java.util.HashMap"));
  }

  @Test
  void collectionThatFailsWhileReadIsRecorded() {
    assertThat(call("collection throwing ConcurrentModificationException",
            () -> hostile.collection(new ModifiedWhileRead()), 1))
        .containsEntry(
            "spanwise.error.v.collection",
            "java.util.ConcurrentModificationException: modified while read");
  }

  @Test
  void collectionThatClaimsIntegerMaxValueElementsIsReadByIterating() {
    assertThat(call("collection whose size() says Integer.MAX_VALUE",
            () -> hostile.collection(new LyingSize()), 1))
        .containsEntry("v.collection", List.of("a", "b", "c"));
  }

  private void assertGetterFailureRecorded(String input, Runnable failure, String expected) {
    sentry.clear();
    assertThat(call(input, () -> hostile.getter(new Getter(failure)), "ran"))
        .containsEntry("spanwise.error.v.getter", "path 'value': " + expected)
        .doesNotContainKey("v.getter");
  }

  /**
   * Calls {@code call} with no span active, asserts it returned {@code expected} without throwing
   * and left no span active, and returns the data of the one transaction it sent.
   */
  private Map<String, Object> call(String input, Callable<?> call, Object expected) {
    sentry.clear();
    Object returned;
    try {
      returned = call.call();
    } catch (Throwable thrown) {
      throw new AssertionError(input + ": the call threw into the application", thrown);
    }
    assertThat(returned).as(input).isEqualTo(expected);
    assertThat(Sentry.getSpan()).as(input + ": active span after the call").isNull();
    Map<String, Object> data = rootData(sentry.onlyTransaction());
    RECORDED.put(input, describe(data));
    return data;
  }

  private static String key(String input) {
    return input.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
  }

  private static String describe(Map<String, Object> data) {
    List<String> parts = new ArrayList<>();
    new TreeMap<>(data)
        .forEach(
            (key, value) -> {
              if (!key.startsWith("v.") && !key.startsWith("spanwise.")) {
                return;
              }
              String text = String.valueOf(value);
              if (text.length() > 200) {
                text = text.substring(0, 40) + "... (" + text.length() + " chars)";
              }
              parts.add(key + " = " + text);
            });
    return String.join("; ", parts);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable thrown) throws T {
    throw (T) thrown;
  }
}
