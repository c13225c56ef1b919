package dev.spanwise.seed.media;

import dev.spanwise.Spans;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.Messaging;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** The seed's {@code POST /api/upload}: validate, then publish a processing job to the queue. */
public class UploadApi {

  static final String DESTINATION = "media-processing";
  static final long MAX_FILE_SIZE = 50L * 1024 * 1024;

  /** What was enqueued, as the queue would hold it. */
  public final Queue<ProcessingJob> queue = new ConcurrentLinkedQueue<>();

  private final Executor worker;
  private final MediaProcessor processor;
  private final LongSupplier clockMillis;
  private final Supplier<String> jobIds;

  /** {@code worker} stands for the seed's {@code setImmediate}: the consumer runs there. */
  public UploadApi(
      Executor worker, MediaProcessor processor, LongSupplier clockMillis, Supplier<String> jobIds) {
    this.worker = worker;
    this.processor = processor;
    this.clockMillis = clockMillis;
    this.jobIds = jobIds;
  }

  public UploadResponse upload(UploadRequest request) {
    if (request.fileName() == null || request.fileType() == null || request.fileSize() <= 0) {
      return new UploadResponse(400, null, null, "Missing required fields");
    }
    if (request.fileSize() > MAX_FILE_SIZE) {
      return new UploadResponse(400, null, null, "File too large (max 50MB)");
    }
    ProcessingJob job = ProcessingJob.create(jobIds.get(), request);
    return publish(job.id(), DESTINATION, job.fileSize(), job);
  }

  /** The producer span: the queue attributes, and the trace headers stored in the job. */
  @Span(op = "queue.publish", name = "queue_producer")
  UploadResponse publish(
      @SpanAttribute(Messaging.MESSAGE_ID) String messageId,
      @SpanAttribute(Messaging.DESTINATION_NAME) String destination,
      @SpanAttribute(Messaging.MESSAGE_BODY_SIZE) long bodySize,
      ProcessingJob job) {
    // Seed: const { "sentry-trace": sentryTrace, baggage } = Sentry.getTraceData()
    ProcessingJob enriched = job.enriched(Spans.traceHeaders(), clockMillis.getAsLong());
    queue.add(enriched);
    worker.execute(() -> processor.processMedia(enriched));
    return new UploadResponse(
        200, job.id(), "accepted", "Upload received and processing started");
  }
}
