package dev.spanwise.demo.media;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.Messaging;
import io.sentry.Sentry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code queue.process} span: the queue's attributes from the job, the processing's from
 * the result. No spans for the image steps: attributes instead, as the seed recommends.
 */
@Component
public class MediaProcessor {

  private final Duration optimizeTime;
  private final Duration thumbnailTime;
  private final double thumbnailSuccessRate;
  private final RandomGenerator random;

  public MediaProcessor(
      @Value("${snaptrace.processing.optimize-time}") Duration optimizeTime,
      @Value("${snaptrace.processing.thumbnail-time}") Duration thumbnailTime,
      @Value("${snaptrace.processing.thumbnail-success-rate}") double thumbnailSuccessRate,
      @Value("${demo.random-seed}") long seed) {
    this.optimizeTime = optimizeTime;
    this.thumbnailTime = thumbnailTime;
    this.thumbnailSuccessRate = thumbnailSuccessRate;
    this.random = new Random(seed);
  }

  @Span(op = "queue.process", name = "queue_consumer")
  @ResultAttribute(value = "processing.operations", path = "operationsJson")
  @ResultAttribute(value = "processing.optimization_level", path = "optimizationLevel")
  @ResultAttribute(value = "processing.thumbnail_created", path = "thumbnailCreated")
  @ResultAttribute(value = "processing.duration_ms", path = "durationMs")
  @ResultAttribute(value = "result.size_saved_bytes", path = "sizeSavedBytes")
  @ResultAttribute(value = "result.size_reduction_percent", path = "sizeReductionPercent")
  @ResultAttribute(value = "result.status", path = "status")
  public ProcessingResult process(
      @SpanAttribute(value = Messaging.MESSAGE_ID, path = "id")
      @SpanAttribute(value = Messaging.MESSAGE_BODY_SIZE, path = "fileSize")
      @SpanAttribute(value = Messaging.MESSAGE_RETRY_COUNT, path = "retryCount")
      @SpanAttribute(value = "media.size_bytes", path = "fileSize")
      @SpanAttribute(value = "media.mime_type", path = "fileType")
      ProcessingJob job,
      @SpanAttribute(Messaging.DESTINATION_NAME) String destination) {
    long startTime = System.currentTimeMillis();
    // Known only on this side: how long the message waited in the queue.
    Spans.current()
        .attribute(Messaging.MESSAGE_RECEIVE_LATENCY, startTime - job.enqueuedAtMillis())
        .attribute("media.size_bucket", sizeBucket(job.fileSize()));
    try {
      List<String> operations = new ArrayList<>();
      boolean thumbnailCreated = false;
      if (job.fileType().startsWith("image/")) {
        pause(optimizeTime);
        operations.add("optimize");
        pause(thumbnailTime);
        operations.add("thumbnail");
        thumbnailCreated = nextDouble() < thumbnailSuccessRate;
      }
      long sizeSaved = (long) Math.floor(job.fileSize() * 0.3);
      return new ProcessingResult(
          operations,
          "high",
          thumbnailCreated,
          System.currentTimeMillis() - startTime,
          sizeSaved,
          30,
          "success");
    } catch (RuntimeException e) {
      // Seed: error.message; deprecated in the conventions without a replacement, kept as the seed.
      Spans.current().attribute("error.message", e.getMessage());
      Sentry.captureException(e);
      return ProcessingResult.failed();
    }
  }

  static String sizeBucket(long bytes) {
    if (bytes < 1024 * 1024) {
      return "small";
    }
    return bytes < 10L * 1024 * 1024 ? "medium" : "large";
  }

  private synchronized double nextDouble() {
    return random.nextDouble();
  }

  private static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while processing", e);
    }
  }
}
