package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.spanwise.SpanHandle;
import dev.spanwise.Spans;
import dev.spanwise.aspect.fixtures.Handles;
import dev.spanwise.testing.SentryCapture;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Spans#current()}: what it records, its status, and that it never gets in the way. */
class SpansApiTest {

  private final Handles handles = new Handles();

  @Test
  void recordsEveryTypeWithTheAnnotationsConversionsAndReportsTheUnsupportedOne() {
    try (SentryCapture sentry = SentryCapture.start()) {
      SpanHandle handle = handles.everyType();

      assertThat(handle.isRecording()).isTrue();
      Map<String, Object> data = rootData(sentry.onlyTransaction());
      assertThat(data)
          .containsEntry("h.string", "text")
          .containsEntry("h.long", 42)
          .containsEntry("h.int", 7)
          .containsEntry("h.double", 0.25)
          .containsEntry("h.flag", true)
          .containsEntry("h.tier", "GOLD")
          .containsEntry("h.list", List.of("a", "b"))
          .doesNotContainKeys("h.null", "h.object");
      assertThat((String) data.get("spanwise.error.h.object"))
          .contains("unsupported value type java.lang.Object");
    }
  }

  @Test
  void statusSetInTheMethodSurvivesTheReturn() {
    try (SentryCapture sentry = SentryCapture.start()) {
      handles.status(SpanStatus.fromHttpStatusCode(404));

      assertThat(root(sentry.onlyTransaction()).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    }
  }

  @Test
  void aThrowStillEndsWithInternalError() {
    try (SentryCapture sentry = SentryCapture.start()) {
      Throwable thrown = catchThrowable(handles::statusThenThrow);

      assertThat(thrown).hasMessage("boom");
      assertThat(root(sentry.onlyTransaction()).getStatus())
          .isEqualTo(SpanStatus.INTERNAL_ERROR);
    }
  }

  @Test
  void noOpWithoutSentryOutsideSpansAndInUnsampledTraces() {
    SpanHandle off = Spans.current();
    assertThat(off.isRecording()).isFalse();
    assertThat(off.attribute("a", "b").status(SpanStatus.OK).fail()).isSameAs(off);
    assertThat(Spans.traceHeaders().isEmpty()).isTrue();
    assertThat(handles.everyType().isRecording()).isFalse();

    try (SentryCapture sentry = SentryCapture.start()) {
      assertThat(Spans.current().isRecording()).isFalse();
    }
    try (SentryCapture sentry = SentryCapture.start(o -> o.setTracesSampleRate(0.0))) {
      assertThat(handles.everyType().isRecording()).isFalse();
      assertThat(sentry.transactions()).isEmpty();
    }
  }

  @Test
  void personalDataIsLeftOutWithoutSendDefaultPii() {
    try (SentryCapture sentry = SentryCapture.start()) {
      handles.personal("ann@example.com");

      SentryTransaction transaction = sentry.onlyTransaction();
      assertThat(rootData(transaction))
          .containsEntry("http.request.header.count", 3)
          .containsEntry("cart.user_count", 1)
          .doesNotContainKeys(
              "user.email",
              "user.id",
              "http.request.header.authorization",
              "db.query.parameter.ids");
    }
  }

  @Test
  void personalDataIsRecordedWithSendDefaultPii() {
    try (SentryCapture sentry = SentryCapture.start(o -> o.setSendDefaultPii(true))) {
      handles.personal("ann@example.com");

      assertThat(rootData(sentry.onlyTransaction()))
          .containsEntry("user.email", "ann@example.com")
          .containsEntry("user.id", "u-1")
          .containsEntry("http.request.header.authorization", "Bearer x")
          .containsEntry("db.query.parameter.ids", List.of("1", "2"));
    }
  }

  @Test
  void longStringsAreCutInAttributesAndInListsFromBothPaths() {
    try (SentryCapture sentry = SentryCapture.start()) {
      handles.longValues(List.of("short", "z".repeat(9000)));

      Map<String, Object> data = rootData(sentry.onlyTransaction());
      assertThat((String) data.get("long.text")).hasSize(8192).endsWith("y\u2026");
      assertThat((List<?>) data.get("long.list")).hasSize(2).first().isEqualTo("short");
      assertThat((String) ((List<?>) data.get("long.list")).get(1)).hasSize(8192);
    }
  }
}
