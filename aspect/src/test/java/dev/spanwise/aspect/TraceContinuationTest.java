package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.TraceHeaders;
import dev.spanwise.aspect.fixtures.Consumers;
import dev.spanwise.aspect.fixtures.Consumers.Envelope;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.protocol.SentryTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @ContinueTrace}: every way of carrying the headers, and what the consumer's thread sees. */
class TraceContinuationTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private SentryCapture sentry;
  private final Consumers consumers = new Consumers();

  @BeforeEach
  void start() {
    sentry = SentryCapture.start();
  }

  @AfterEach
  void close() {
    sentry.close();
  }

  @Test
  void traceHeadersArgumentContinuesTheProducersTrace() {
    Produced produced = produce();

    consumers.fromHeaders(produced.headers);

    assertContinues(consumed("from headers"), produced);
  }

  @Test
  void mapOfHeadersContinuesTheTrace() {
    Produced produced = produce();

    consumers.fromMap(produced.headers.asMap(), "m-1");

    SentryTransaction consumer = consumed("from map");
    assertContinues(consumer, produced);
    assertThat(rootData(consumer)).containsEntry("messaging.message.id", "m-1");
  }

  @Test
  void mapWithCustomKeysAndByteValuesContinuesTheTrace() {
    Produced produced = produce();
    Map<String, byte[]> headers = new HashMap<>();
    headers.put("x-trace", produced.headers.sentryTrace().getBytes(StandardCharsets.UTF_8));
    headers.put("x-baggage", produced.headers.baggage().getBytes(StandardCharsets.UTF_8));

    consumers.fromCustomKeys(headers);

    assertContinues(consumed("from custom keys"), produced);
  }

  @Test
  void twoStringParametersContinueTheTrace() {
    Produced produced = produce();

    consumers.fromStrings(produced.headers.sentryTrace(), List.of(produced.headers.baggage()));

    assertContinues(consumed("from strings"), produced);
  }

  @Test
  void nestedPathsContinueTheTrace() {
    Produced produced = produce();

    consumers.fromNestedPaths(new Envelope("{}", produced.headers));

    assertContinues(consumed("from nested paths"), produced);
  }

  @Test
  void consumerStartsItsOwnTransactionEvenWhenASpanIsActiveAndLeavesThatSpanAsItWas() {
    Produced produced = produce();
    ITransaction poller = Sentry.startTransaction("poll", "queue.receive");
    String pollerTrace;
    try (ISentryLifecycleToken ignored = poller.makeCurrent()) {
      ISpan before = Sentry.getSpan();
      pollerTrace = Sentry.getTraceparent().getValue();

      consumers.fromHeaders(produced.headers);

      assertThat(Sentry.getSpan()).isSameAs(before);
      assertThat(Sentry.getTraceparent().getValue()).isEqualTo(pollerTrace);
    }
    poller.finish();

    SentryTransaction consumer = consumed("from headers");
    assertContinues(consumer, produced);
    SentryTransaction polled = sentry.awaitTransaction(t -> "poll".equals(t.getTransaction()),
        WAIT);
    assertThat(polled.getSpans()).isEmpty();
    assertThat(root(polled).getTraceId()).isNotEqualTo(root(consumer).getTraceId());
  }

  @Test
  void missingHeadersStartANewTrace() {
    consumers.fromHeaders(TraceHeaders.empty());

    SentryTransaction consumer = sentry.onlyTransaction();
    assertThat(consumer.getTransaction()).isEqualTo("from headers");
    assertThat(root(consumer).getOperation()).isEqualTo("queue.process");
    assertThat(root(consumer).getParentSpanId()).isNull();
  }

  @Test
  void malformedHeaderStartsANewTraceAndTheCallStillRuns() {
    consumers.fromHeaders(new TraceHeaders("not-a-trace", null));

    SentryTransaction consumer = sentry.onlyTransaction();
    assertThat(consumer.getTransaction()).isEqualTo("from headers");
    assertThat(root(consumer).getParentSpanId()).isNull();
    assertThat(consumers.handleSeenInside.isRecording()).isTrue();
  }

  @Test
  void unsampledProducerDecisionHoldsForTheConsumer() {
    TraceHeaders unsampled =
        new TraceHeaders("2d7a3e0f6b9c4d1e8f7a6b5c4d3e2f1a-1a2b3c4d5e6f7a8b-0", null);

    consumers.fromHeaders(unsampled);

    assertThat(sentry.transactions()).isEmpty();
    assertThat(consumers.handleSeenInside.isRecording()).isFalse();
    assertThat(Sentry.getSpan()).isNull();
  }

  @Test
  void producerHeadersAreEmptyWhenSentryIsOff() {
    sentry.close();

    assertThat(consumers.publish()).isEqualTo(TraceHeaders.empty());
    assertThat(TraceHeaders.empty().isEmpty()).isTrue();
    assertThat(TraceHeaders.empty().asMap()).isEmpty();
  }

  private Produced produce() {
    TraceHeaders headers = consumers.publish();
    SentryTransaction producer = sentry.onlyTransaction();
    sentry.clear();
    return new Produced(headers, producer);
  }

  private SentryTransaction consumed(String name) {
    return sentry.awaitTransaction(t -> name.equals(t.getTransaction()),
        WAIT);
  }

  private static void assertContinues(SentryTransaction consumer, Produced produced) {
    assertThat(root(consumer).getOperation()).isEqualTo("queue.process");
    assertThat(root(consumer).getOrigin()).isEqualTo("auto.function.spanwise");
    assertThat(root(consumer).getTraceId()).isEqualTo(root(produced.transaction).getTraceId());
    assertThat(root(consumer).getParentSpanId()).isEqualTo(root(produced.transaction).getSpanId());
  }

  private record Produced(TraceHeaders headers, SentryTransaction transaction) {}
}
