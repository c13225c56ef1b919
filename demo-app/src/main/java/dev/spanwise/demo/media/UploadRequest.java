package dev.spanwise.demo.media;

/** The body of {@code POST /api/upload}: {@code { fileName, fileType, fileSize }}. */
public record UploadRequest(String fileName, String fileType, Long fileSize) {}
