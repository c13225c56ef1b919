package dev.spanwise.seed.media;

/** What {@code POST /api/upload} answers: {@code { jobId, status, message }} or {@code { error }}. */
public record UploadResponse(int httpStatus, String jobId, String status, String message) {}
