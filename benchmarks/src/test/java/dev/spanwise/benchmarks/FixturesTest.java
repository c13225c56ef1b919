package dev.spanwise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.benchmarks.spring.InterceptedPayments;
import dev.spanwise.benchmarks.spring.OtelPayments;
import dev.spanwise.benchmarks.spring.ProxiedPayments;
import dev.spanwise.benchmarks.spring.SentrySpanPayments;
import dev.spanwise.benchmarks.spring.SpringContexts;
import dev.spanwise.benchmarks.woven.WovenPayments;
import dev.spanwise.benchmarks.woven.reflective.ReflectivePayments;
import dev.spanwise.testing.SentryCapture;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The benchmarks measure what they claim: each variant really records its span. */
class FixturesTest {

  private static final Cart CART = new Cart(List.of("book", "pen", "lamp"));

  @Test
  void everySentryVariantRecordsTheSameSpan() {
    try (SentryCapture sentry = SentryCapture.start();
        ConfigurableApplicationContext spanwise = SpringContexts.spanwise();
        ConfigurableApplicationContext sentrySpan = SpringContexts.sentrySpan()) {
      Map<String, Payments> variants =
          Map.of(
              "handWritten", new HandWrittenPayments(),
              "woven", new WovenPayments(),
              "reflective", new ReflectivePayments(),
              "proxied", spanwise.getBean(ProxiedPayments.class));
      for (Map.Entry<String, Payments> variant : variants.entrySet()) {
        sentry.clear();
        ITransaction parent = Sentry.startTransaction("parent", "benchmark");
        try (var token = parent.makeCurrent()) {
          assertThat(variant.getValue().charge("stripe", 4200L, CART)).isEqualTo(4209);
        }
        parent.finish();
        SentrySpan span = onlyChild(sentry.onlyTransaction());
        assertThat(span.getOp()).as(variant.getKey()).isEqualTo(Payments.OP);
        assertThat(span.getDescription()).isEqualTo(Payments.NAME);
        // Numbers come back from the envelope as whatever width holds them: compare as text.
        assertThat(span.getData())
            .as(variant.getKey())
            .containsEntry("payment.provider", "stripe")
            .hasEntrySatisfying("payment.amount", v -> assertThat(v).hasToString("4200"))
            .hasEntrySatisfying("cart.item_count", v -> assertThat(v).hasToString("3"));
      }

      // The Spring floor: the same kind of proxy, its interceptor only proceeds and records nothing.
      Payments intercepted = spanwise.getBean(InterceptedPayments.class);
      assertThat(intercepted.getClass().getName()).contains("CGLIB");
      assertThat(spanwise.getBean(ProxiedPayments.class).getClass().getName()).contains("CGLIB");
      sentry.clear();
      ITransaction floorParent = Sentry.startTransaction("parent", "benchmark");
      try (var token = floorParent.makeCurrent()) {
        assertThat(intercepted.charge("stripe", 4200L, CART)).isEqualTo(4209);
      }
      floorParent.finish();
      assertThat(sentry.onlyTransaction().getSpans()).isEmpty();

      sentry.clear();
      ITransaction parent = Sentry.startTransaction("parent", "benchmark");
      try (var token = parent.makeCurrent()) {
        sentrySpan.getBean(SentrySpanPayments.class).charge("stripe", 4200L, CART);
        new HandWrittenPayments().chargeLikeSentrySpan("stripe", 4200L, CART);
      }
      parent.finish();
      assertThat(sentry.onlyTransaction().getSpans())
          .extracting(SentrySpan::getOp)
          .containsExactly(Payments.OP, Payments.OP);
    }
  }

  @Test
  void openTelemetryVariantsRecordTheirSpans() {
    try (ConfigurableApplicationContext otel = SpringContexts.openTelemetry()) {
      var tracer = otel.getBean(OpenTelemetry.class).getTracer("test");
      Span parent = tracer.spanBuilder("parent").startSpan();
      assertThat(parent.isRecording()).isTrue();
      // The aspect is applied: the bean is a proxy, and its span is current inside the method.
      assertThat(otel.getBean(OtelPayments.class).getClass().getName()).contains("CGLIB");
      assertThat(new HandWrittenOtelPayments(tracer).charge("stripe", 4200L, CART)).isEqualTo(4209);
      parent.end();
    }
  }

  private static SentrySpan onlyChild(SentryTransaction transaction) {
    assertThat(transaction.getSpans()).hasSize(1);
    return transaction.getSpans().get(0);
  }
}
