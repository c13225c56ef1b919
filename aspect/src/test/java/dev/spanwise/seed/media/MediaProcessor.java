package dev.spanwise.seed.media;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ContinueTrace;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.Messaging;
import io.sentry.Sentry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The seed's {@code processMedia(job)} consumer: {@code Sentry.continueTrace} becomes
 * {@code @ContinueTrace} on the job, the "media_processing_consumer" parent becomes the continued
 * transaction, and its {@code queue.process} child carries the queue attributes.
 */
public class MediaProcessor {

  private final MediaTools tools;
  private final LongSupplier clockMillis;

  /** The thread the last job was processed on. */
  public volatile String lastThread;

  public MediaProcessor(MediaTools tools, LongSupplier clockMillis) {
    this.tools = tools;
    this.clockMillis = clockMillis;
  }

  // The seed's parent span has no op; "function" is Sentry's op for plain application code.
  @Span(op = "function", name = "media_processing_consumer")
  public ProcessingResult processMedia(
      @ContinueTrace(baggage = "sentryBaggage") ProcessingJob job) {
    lastThread = Thread.currentThread().getName();
    ProcessingResult result =
        process(job.id(), UploadApi.DESTINATION, job.fileSize(), job.retryCount(), job);
    if (result.isFailed()) {
      // Seed: parentSpan.setStatus({ code: 2, message: "error" }) from the child's catch block.
      Spans.current().fail();
    }
    return result;
  }

  @Span(op = "queue.process", name = "queue_consumer")
  @ResultAttribute(value = "processing.operations", path = "operationsJson")
  @ResultAttribute(value = "processing.optimization_level", path = "optimizationLevel")
  @ResultAttribute(value = "processing.thumbnail_created", path = "thumbnailCreated")
  @ResultAttribute(value = "processing.duration_ms", path = "durationMs")
  @ResultAttribute(value = "result.size_saved_bytes", path = "sizeSavedBytes")
  @ResultAttribute(value = "result.size_reduction_percent", path = "sizeReductionPercent")
  @ResultAttribute(value = "result.status", path = "status")
  ProcessingResult process(
      @SpanAttribute(Messaging.MESSAGE_ID) String messageId,
      @SpanAttribute(Messaging.DESTINATION_NAME) String destination,
      @SpanAttribute(Messaging.MESSAGE_BODY_SIZE) long bodySize,
      @SpanAttribute(Messaging.MESSAGE_RETRY_COUNT) int retryCount,
      @SpanAttribute(value = "media.mime_type", path = "fileType") ProcessingJob job) {
    long startTime = clockMillis.getAsLong();
    // Known only now: how long the message waited, and values derived from the job.
    Spans.current()
        .attribute(Messaging.MESSAGE_RECEIVE_LATENCY, startTime - job.enqueuedAt())
        .attribute("media.size_bytes", job.fileSize())
        .attribute("media.size_bucket", sizeBucket(job.fileSize()));
    try {
      List<String> operations = new ArrayList<>();
      boolean thumbnailCreated = false;
      if (job.fileType().startsWith("image/")) {
        // No separate spans for these: attributes instead, as the seed recommends.
        tools.optimizeImage(job);
        operations.add("optimize");
        thumbnailCreated = tools.generateThumbnail(job);
        operations.add("thumbnail");
      }
      long sizeSaved = (long) Math.floor(job.fileSize() * 0.3);
      return new ProcessingResult(
          operations,
          "high",
          thumbnailCreated,
          clockMillis.getAsLong() - startTime,
          sizeSaved,
          30,
          "success");
    } catch (RuntimeException e) {
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
}
