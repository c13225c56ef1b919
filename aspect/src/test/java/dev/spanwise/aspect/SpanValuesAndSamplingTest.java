package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.fixtures.Values;
import dev.spanwise.aspect.fixtures.Values.Tier;
import dev.spanwise.testing.SentryCapture;
import io.sentry.Sentry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpanValuesAndSamplingTest {

  private final Values values = new Values();

  @Test
  void valuesAreRecordedAsSentryTypes() {
    try (SentryCapture sentry = SentryCapture.start()) {
      values.record(
          "text",
          new StringBuilder("built"),
          'x',
          true,
          (byte) 7,
          (short) 300,
          42,
          5_000_000_000L,
          0.7f,
          2.5,
          new BigDecimal("19.99"),
          Tier.GOLD,
          new int[] {1, 2, 3},
          List.of("a", "b"),
          new LinkedHashSet<>(List.of(Tier.SILVER, Tier.GOLD)),
          null);

      Map<String, Object> data = rootData(sentry.onlyTransaction());
      assertThat(data)
          .containsEntry("v.string", "text")
          .containsEntry("v.builder", "built")
          .containsEntry("v.char", "x")
          .containsEntry("v.flag", true)
          .containsEntry("v.byte", 7)
          .containsEntry("v.short", 300)
          .containsEntry("v.int", 42)
          .containsEntry("v.float", 0.7)
          .containsEntry("v.double", 2.5)
          .containsEntry("v.decimal", 19.99)
          .containsEntry("v.tier", "GOLD")
          .containsEntry("v.ints", List.of(1, 2, 3))
          .containsEntry("v.names", List.of("a", "b"))
          .containsEntry("v.tiers", List.of("SILVER", "GOLD"))
          .doesNotContainKey("v.missing");
      // Sentry's JSON reader reads integers beyond int back as doubles: check the wire itself.
      assertThat(new String(sentry.envelopes().get(0), StandardCharsets.UTF_8))
          .contains("\"v.long\":5000000000");
    }
  }

  @Test
  void unsupportedValueIsRecordedAsAnErrorNotAsItsToString() {
    try (SentryCapture sentry = SentryCapture.start()) {
      Object hostile =
          new Object() {
            @Override
            public String toString() {
              throw new AssertionError("toString must not be called");
            }
          };

      assertThat(values.unsupported(hostile)).isEqualTo("ran");
      assertThat(values.unsupported(List.of(List.of("nested")))).isEqualTo("ran");

      assertThat(sentry.transactions())
          .allSatisfy(
              transaction ->
                  assertThat(rootData(transaction))
                      .doesNotContainKey("v.object")
                      .hasEntrySatisfying(
                          "spanwise.error.v.object",
                          reason -> assertThat((String) reason).contains("unsupported value type")));
    }
  }

  @Test
  void hugeCollectionsAndArraysKeepTheirFirstThousandElements() {
    try (SentryCapture sentry = SentryCapture.start()) {
      assertThat(values.unsupported(java.util.Collections.nCopies(Integer.MAX_VALUE, "x")))
          .isEqualTo("ran");
      assertThat(values.unsupported(new long[50_000])).isEqualTo("ran");

      assertThat(sentry.transactions())
          .hasSize(2)
          .allSatisfy(
              transaction ->
                  assertThat((List<?>) rootData(transaction).get("v.object"))
                      .hasSize(SpanValues.MAX_LIST_ELEMENTS));
    }
  }

  @Test
  void spanWithoutNameIsNamedAfterClassAndMethod() {
    try (SentryCapture sentry = SentryCapture.start()) {
      values.unnamed();

      assertThat(sentry.onlyTransaction().getTransaction()).isEqualTo("Values.unnamed");
      assertThat(root(sentry.onlyTransaction()).getOperation()).isEqualTo("test.values");
    }
  }

  @Test
  void selfInvocationNestsEachCallUnderTheOneBefore() {
    try (SentryCapture sentry = SentryCapture.start()) {
      assertThat(values.nest(3)).isEqualTo(3);

      var transaction = sentry.onlyTransaction();
      assertThat(rootData(transaction)).containsEntry("depth", 3);
      assertThat(transaction.getSpans()).hasSize(3);
      String parent = root(transaction).getSpanId().toString();
      for (int depth = 2; depth >= 0; depth--) {
        int expectedDepth = depth;
        var span =
            transaction.getSpans().stream()
                .filter(s -> Integer.valueOf(expectedDepth).equals(s.getData().get("depth")))
                .findFirst()
                .orElseThrow();
        assertThat(span.getParentSpanId().toString()).isEqualTo(parent);
        parent = span.getSpanId().toString();
      }
    }
  }

  @Test
  void unsampledTraceReadsNoAttributeAndSendsNothing() {
    try (SentryCapture sentry = SentryCapture.start(options -> options.setTracesSampleRate(0.0))) {
      Values.Counter counter = new Values.Counter();

      assertThat(values.counted(counter)).isEqualTo("ran");
      assertThat(values.nest(2)).isEqualTo(2);

      assertThat(counter.reads).isZero();
      assertThat(sentry.transactions()).isEmpty();
      assertThat(Sentry.getSpan()).isNull();
    }
  }

  @Test
  void sampledTraceReadsEachAttributeOnce() {
    try (SentryCapture sentry = SentryCapture.start()) {
      Values.Counter counter = new Values.Counter();

      values.counted(counter);

      assertThat(counter.reads).isEqualTo(1);
      assertThat(rootData(sentry.onlyTransaction())).containsEntry("v.count", 1);
    }
  }

  @Test
  void withoutSentryTheMethodRunsUntouched() {
    Sentry.close();
    Values.Counter counter = new Values.Counter();

    assertThat(values.counted(counter)).isEqualTo("ran");
    assertThat(values.nest(2)).isEqualTo(2);
    assertThat(counter.reads).isZero();
    assertThat(Sentry.getSpan()).isNull();
  }
}
