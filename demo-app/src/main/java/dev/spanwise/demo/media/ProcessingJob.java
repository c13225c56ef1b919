package dev.spanwise.demo.media;

/**
 * A queued media job, enriched as the seed's producer does ({@code { ...job, sentryTrace,
 * sentryBaggage, enqueuedAt }}): the consumer continues the trace from {@code sentryTrace} and
 * {@code baggage}.
 */
public record ProcessingJob(
    String id,
    String fileName,
    String fileType,
    long fileSize,
    String sentryTrace,
    String baggage,
    long enqueuedAtMillis,
    int retryCount) {}
