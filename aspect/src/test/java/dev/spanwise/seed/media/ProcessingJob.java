package dev.spanwise.seed.media;

import dev.spanwise.TraceHeaders;

/**
 * The queued job, enriched as the seed's producer does ({@code { ...job, sentryTrace,
 * sentryBaggage, enqueuedAt }}): the consumer continues the trace from these fields.
 */
public record ProcessingJob(
    String id,
    String fileName,
    String fileType,
    long fileSize,
    String sentryTrace,
    String sentryBaggage,
    long enqueuedAt,
    int retryCount) {

  static ProcessingJob create(String id, UploadRequest request) {
    return new ProcessingJob(
        id, request.fileName(), request.fileType(), request.fileSize(), null, null, 0, 0);
  }

  ProcessingJob enriched(TraceHeaders headers, long enqueuedAt) {
    return new ProcessingJob(
        id, fileName, fileType, fileSize, headers.sentryTrace(), headers.baggage(), enqueuedAt,
        retryCount);
  }
}
