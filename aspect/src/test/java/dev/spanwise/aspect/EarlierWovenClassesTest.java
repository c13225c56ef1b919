package dev.spanwise.aspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.fixtures.Arities;
import dev.spanwise.testing.CapturedSpans;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import io.sentry.protocol.SentrySpan;
import org.junit.jupiter.api.Test;

/**
 * Classes woven by an earlier {@code SpanAspect}, whose inlined advice handed a call's arguments
 * over as an array, still record them: a build that does not weave its classes again when the
 * aspect library changes keeps working.
 */
class EarlierWovenClassesTest {

  @Test
  void argumentsHandedOverAsAnArrayAreRecorded() throws Exception {
    SpanPlan plan =
        new SpanPlans(SpanExclusions.none()).planFor(Arities.class.getMethod("one", long.class), null);
    try (SentryCapture sentry = SentryCapture.start()) {
      ITransaction request =
          Sentry.startTransaction(
              new TransactionContext("GET /", "http.server", new TracesSamplingDecision(true)));
      try (ISentryLifecycleToken ignored = request.makeCurrent()) {
        TracedSpan span = TracedSpan.startWithoutArguments(plan, Sentry.getCurrentScopes());
        assertThat(SpanTracer.readsArguments(span)).isTrue();

        SpanTracer.readArguments(span, new Object[] {42L});
        assertThat(SpanTracer.returned(span, 42L)).isEqualTo(42L);
      }
      request.finish();

      SentrySpan one = CapturedSpans.onlyWithOp(sentry.onlyTransaction(), "arity.one");
      assertThat(CapturedSpans.data(one).get("arg.long")).isInstanceOf(Number.class);
      assertThat(((Number) CapturedSpans.data(one).get("arg.long")).longValue()).isEqualTo(42L);
    }
  }
}
