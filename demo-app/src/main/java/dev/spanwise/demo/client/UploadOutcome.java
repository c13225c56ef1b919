package dev.spanwise.demo.client;

/**
 * What the upload form shows: the job processing the file, or why the upload failed. {@code
 * durationMs} and {@code jobId} are there on success only, {@code error} on failure only.
 */
public record UploadOutcome(
    int httpStatus, boolean success, String jobId, Long durationMs, String error) {}
