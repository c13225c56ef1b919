package dev.spanwise.demo.media;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/upload}: validates the upload and publishes a processing job; answers at once
 * with the job's id while a consumer thread processes it.
 */
@RestController
public class UploadController {

  static final long MAX_FILE_SIZE = 50L * 1024 * 1024;

  private final MediaQueue queue;

  public UploadController(MediaQueue queue) {
    this.queue = queue;
  }

  @PostMapping("/api/upload")
  public ResponseEntity<Map<String, String>> upload(@RequestBody UploadRequest request) {
    if (isBlank(request.fileName())
        || isBlank(request.fileType())
        || request.fileSize() == null
        || request.fileSize() <= 0) {
      return ResponseEntity.badRequest().body(Map.of("error", "Missing required fields"));
    }
    if (request.fileSize() > MAX_FILE_SIZE) {
      return ResponseEntity.badRequest().body(Map.of("error", "File too large (max 50MB)"));
    }
    ProcessingJob job =
        new ProcessingJob(
            "job_" + UUID.randomUUID().toString().substring(0, 8),
            request.fileName(),
            request.fileType(),
            request.fileSize(),
            null,
            null,
            0,
            0);
    queue.publish(job, MediaQueue.DESTINATION);
    return ResponseEntity.ok(
        Map.of(
            "jobId", job.id(),
            "status", "accepted",
            "message", "Upload received and processing started"));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
