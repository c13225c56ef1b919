package dev.spanwise.seed.media;

/** The body of {@code POST /api/upload}: {@code { fileName, fileType, fileSize }}. */
public record UploadRequest(String fileName, String fileType, long fileSize) {}
