package dev.spanwise.seed;

import static dev.spanwise.seed.SeedTraces.inServerTransaction;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.rootData;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.seed.media.MediaProcessor;
import dev.spanwise.seed.media.MediaTools;
import dev.spanwise.seed.media.ProcessingJob;
import dev.spanwise.seed.media.UploadApi;
import dev.spanwise.seed.media.UploadRequest;
import dev.spanwise.seed.media.UploadResponse;
import dev.spanwise.testing.SentryCapture;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's media upload: a producer span stores the trace headers in the job, a consumer on
 * another thread continues the trace, and Sentry's Queues page gets both sides.
 */
class MediaUploadFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final long TWO_MB = 2L * 1024 * 1024;

  private SentryCapture sentry;
  private ExecutorService worker;
  /** Each read advances 25 ms, so latency and duration are exact. */
  private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
  private RuntimeException optimizerFailure;
  private MediaProcessor processor;
  private UploadApi api;

  @BeforeEach
  void start() {
    sentry = SentryCapture.start();
    worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "media-worker"));
    MediaTools tools =
        new MediaTools() {
          @Override
          public void optimizeImage(ProcessingJob job) {
            if (optimizerFailure != null) {
              throw optimizerFailure;
            }
          }

          @Override
          public boolean generateThumbnail(ProcessingJob job) {
            return true;
          }
        };
    processor = new MediaProcessor(tools, () -> clock.getAndAdd(25));
    api = new UploadApi(worker, processor, () -> clock.getAndAdd(25), () -> "job_42");
  }

  @AfterEach
  void close() throws InterruptedException {
    worker.shutdownNow();
    worker.awaitTermination(5, TimeUnit.SECONDS);
    sentry.close();
  }

  @Test
  void producerPublishesWithQueueAttributesAndTraceHeadersInTheJob() {
    UploadResponse response = upload(new UploadRequest("cat.png", "image/png", TWO_MB));

    assertThat(response).isEqualTo(
        new UploadResponse(200, "job_42", "accepted", "Upload received and processing started"));
    SentryTransaction producer = producerTransaction();
    SentrySpan publish = onlyWithOp(producer, "queue.publish");
    assertThat(publish.getDescription()).isEqualTo("queue_producer");
    assertThat(publish.getParentSpanId()).isEqualTo(root(producer).getSpanId());
    assertThat(data(publish))
        .containsEntry("messaging.message.id", "job_42")
        .containsEntry("messaging.destination.name", "media-processing")
        .containsEntry("messaging.message.body.size", 2097152);

    ProcessingJob job = api.queue.peek();
    assertThat(job.sentryTrace())
        .isEqualTo(producer.getContexts().getTrace().getTraceId() + "-" + publish.getSpanId() + "-1");
    assertThat(job.sentryBaggage())
        .contains("sentry-trace_id=" + producer.getContexts().getTrace().getTraceId());
  }

  @Test
  void consumerOnAnotherThreadIsATransactionInTheProducersTraceUnderThePublishSpan() {
    upload(new UploadRequest("cat.png", "image/png", TWO_MB));

    SentryTransaction producer = producerTransaction();
    SentrySpan publish = onlyWithOp(producer, "queue.publish");
    SentryTransaction consumer = consumerTransaction();
    assertThat(processor.lastThread).isEqualTo("media-worker");

    assertThat(root(consumer).getOperation()).isEqualTo("function");
    assertThat(root(consumer).getOrigin()).isEqualTo("auto.function.spanwise");
    assertThat(root(consumer).getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(root(consumer).getTraceId()).isEqualTo(root(producer).getTraceId());
    assertThat(root(consumer).getParentSpanId()).isEqualTo(publish.getSpanId());

    SentrySpan process = onlyWithOp(consumer, "queue.process");
    assertThat(process.getDescription()).isEqualTo("queue_consumer");
    assertThat(process.getParentSpanId()).isEqualTo(root(consumer).getSpanId());
    assertThat(process.getTraceId()).isEqualTo(root(producer).getTraceId());
    assertThat(data(process))
        .containsEntry("messaging.message.id", "job_42")
        .containsEntry("messaging.destination.name", "media-processing")
        .containsEntry("messaging.message.body.size", 2097152)
        // enqueued at t, consumer started at t + 25 ms (the clock steps 25 ms per read)
        .containsEntry("messaging.message.receive.latency", 25)
        .containsEntry("messaging.message.retry.count", 0)
        .containsEntry("media.size_bytes", 2097152)
        .containsEntry("media.mime_type", "image/png")
        .containsEntry("media.size_bucket", "medium")
        .containsEntry("processing.operations", "[\"optimize\",\"thumbnail\"]")
        .containsEntry("processing.optimization_level", "high")
        .containsEntry("processing.thumbnail_created", true)
        .containsEntry("processing.duration_ms", 25)
        .containsEntry("result.size_saved_bytes", 629145)
        .containsEntry("result.size_reduction_percent", 30)
        .containsEntry("result.status", "success");
    assertThat(data(process).keySet()).noneMatch(key -> key.startsWith("spanwise.error."));
  }

  @Test
  void failedProcessingMarksTheConsumerTransactionFailedAndTheQueueSpanResultFailed() {
    optimizerFailure = new IllegalStateException("codec missing");

    upload(new UploadRequest("cat.png", "image/png", TWO_MB));

    SentryTransaction consumer = consumerTransaction();
    assertThat(root(consumer).getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    SentrySpan process = onlyWithOp(consumer, "queue.process");
    assertThat(data(process))
        .containsEntry("result.status", "failed")
        .containsEntry("error.message", "codec missing")
        .containsEntry("messaging.message.id", "job_42")
        .doesNotContainKeys("processing.operations", "result.size_saved_bytes");
  }

  @Test
  void rejectedUploadPublishesNothing() {
    UploadResponse response =
        upload(new UploadRequest("movie.mov", "video/quicktime", 60L * 1024 * 1024));

    assertThat(response.httpStatus()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("File too large (max 50MB)");
    assertThat(withOp(producerTransaction(), "queue.publish")).isEmpty();
    assertThat(api.queue).isEmpty();
  }

  @Test
  void eachJobOnTheSameWorkerThreadContinuesItsOwnTrace() {
    upload(new UploadRequest("a.png", "image/png", 10));
    SentryTransaction firstConsumer = consumerTransaction();
    sentry.clear();

    upload(new UploadRequest("b.txt", "text/plain", 20));
    SentryTransaction secondProducer = producerTransaction();
    SentryTransaction secondConsumer = consumerTransaction();

    assertThat(root(secondConsumer).getTraceId())
        .isEqualTo(root(secondProducer).getTraceId())
        .isNotEqualTo(root(firstConsumer).getTraceId());
    assertThat(rootData(secondConsumer)).doesNotContainKey("spanwise.error.attributes");
    assertThat(data(onlyWithOp(secondConsumer, "queue.process")))
        .containsEntry("processing.operations", "[]")
        .containsEntry("media.size_bucket", "small");
  }

  private UploadResponse upload(UploadRequest request) {
    return inServerTransaction("POST /api/upload", () -> api.upload(request));
  }

  private SentryTransaction producerTransaction() {
    return sentry.awaitTransaction(t -> "POST /api/upload".equals(t.getTransaction()), WAIT);
  }

  private SentryTransaction consumerTransaction() {
    return sentry.awaitTransaction(
        t -> "media_processing_consumer".equals(t.getTransaction()), WAIT);
  }
}
