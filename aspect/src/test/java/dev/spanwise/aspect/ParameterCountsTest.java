package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spanwise.aspect.fixtures.Arities;
import dev.spanwise.testing.SentryCapture;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentryTransaction;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every parameter count, woven by the load-time agent: {@code SpanAspect} binds none to six
 * arguments by position, one advice each, and {@code JoinPointSpanAspect} takes more. Each call
 * is traced exactly once, with its arguments' attributes read from the right positions and its
 * result or exception passed through untouched.
 */
class ParameterCountsTest {

  private SentryCapture sentry;
  private final Arities arities = new Arities();

  @BeforeEach
  void startSentry() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void closeSentry() {
    sentry.close();
  }

  @Test
  void noArguments() {
    assertThat(arities.none()).isEqualTo(42);

    assertThat(onlyRoot("arity.none").keySet()).noneMatch(key -> key.startsWith("arg."));
  }

  @Test
  void oneLongOfAStaticMethod() {
    assertThat(Arities.one(6L)).isEqualTo(7L);

    assertThat(number(onlyRoot("arity.one"), "arg.long")).isEqualTo(6L);
  }

  @Test
  void twoPrimitives() {
    assertThat(arities.two(1.25, true)).isEqualTo(2.5);

    Map<String, Object> data = onlyRoot("arity.two");
    assertThat(((Number) data.get("arg.double")).doubleValue()).isEqualTo(1.25);
    assertThat(data).containsEntry("arg.flag", true);
  }

  @Test
  void threeOfAPrivateMethod() {
    assertThat(arities.threeThroughPrivate("x", 3, 0.5f)).isEqualTo("x30.5");

    Map<String, Object> data = onlyRoot("arity.three");
    assertThat(data).containsEntry("arg.text", "x");
    assertThat(number(data, "arg.int")).isEqualTo(3L);
    assertThat(((Number) data.get("arg.float")).doubleValue()).isEqualTo(0.5);
  }

  @Test
  void fourOfAVoidStaticMethod() {
    StringBuilder out = new StringBuilder();
    Arities.four((byte) 1, (short) 2, 'c', out);

    assertThat(out).hasToString("12c");
    Map<String, Object> data = onlyRoot("arity.four");
    assertThat(number(data, "arg.byte")).isEqualTo(1L);
    assertThat(number(data, "arg.short")).isEqualTo(2L);
    assertThat(data).containsEntry("arg.char", "c");
  }

  @Test
  void fiveReadsTheLastPosition() {
    assertThat(arities.five(1, 2, 3, 4, 5)).isEqualTo((short) 15);

    assertThat(number(onlyRoot("arity.five"), "arg.fifth")).isEqualTo(5L);
  }

  @Test
  void sixTheMostBoundByPosition() {
    assertThat(arities.six((byte) 1, (short) 2, 3, 4L, 5f, 'z')).isEqualTo('Z');

    assertThat(onlyRoot("arity.six")).containsEntry("arg.sixth", "z");
  }

  @Test
  void sevenThroughTheJoinPoint() {
    assertThat(arities.seven("a", 1, 2L, 3.0, true, 'f', "g")).isEqualTo("a123.0truefg");

    assertThat(onlyRoot("arity.seven"))
        .containsEntry("arg.first", "a")
        .containsEntry("arg.seventh", "g");
  }

  @Test
  void varargsAreOneArray() {
    assertThat(arities.varargs("ab", "c", "d", "e")).isEqualTo(5);

    Map<String, Object> data = onlyRoot("arity.varargs");
    assertThat(data)
        .containsEntry("arg.first", "ab")
        .containsEntry("arg.rest", java.util.List.of("c", "d", "e"));
  }

  @Test
  void checkedExceptionPassesThroughUnchanged() {
    assertThatThrownBy(() -> arities.checked("disk full"))
        .isExactlyInstanceOf(IOException.class)
        .hasMessage("disk full");

    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(rootData(transaction)).containsEntry("arg.reason", "disk full");
  }

  /** The data of the one transaction sent, which must be {@code op}'s, with no span inside. */
  private Map<String, Object> onlyRoot(String op) {
    SentryTransaction transaction = sentry.onlyTransaction();
    assertThat(root(transaction).getOperation()).isEqualTo(op);
    // Traced once: a second aspect matching the same method would nest a second span.
    assertThat(transaction.getSpans()).isEmpty();
    return rootData(transaction);
  }

  private static long number(Map<String, Object> data, String key) {
    assertThat(data.get(key)).as(key).isInstanceOf(Number.class);
    return ((Number) data.get(key)).longValue();
  }
}
