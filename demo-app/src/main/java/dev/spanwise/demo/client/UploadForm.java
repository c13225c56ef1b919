package dev.spanwise.demo.client;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** SnapTrace's upload form: the seed's {@code handleUpload}, in Java. */
@Component
public class UploadForm {

  private final ApiClient api;

  public UploadForm(ApiClient api) {
    this.api = api;
  }

  // Seed: upload.success, upload.duration_ms and job.id on success, upload.success and
  // upload.error on failure: all read from the outcome, whose other fields are null.
  @Span(op = "file.upload", name = "Upload media")
  @ResultAttribute(value = "upload.success", path = "success")
  @ResultAttribute(value = "upload.duration_ms", path = "durationMs")
  @ResultAttribute(value = "job.id", path = "jobId")
  @ResultAttribute(value = "upload.error", path = "error")
  public UploadOutcome upload(
      @SpanAttribute(value = "file.size_bytes", path = "size")
      @SpanAttribute(value = "file.mime_type", path = "type")
      SelectedFile file) {
    long uploadStart = System.currentTimeMillis();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fileName", file.name());
    body.put("fileType", file.type());
    body.put("fileSize", file.size());
    ApiResponse response = api.post("/api/upload", body);
    if (!response.isOk()) {
      Spans.current().fail();
      return new UploadOutcome(
          response.status(), false, null, null, "Upload failed: " + response.error());
    }
    return new UploadOutcome(
        response.status(),
        true,
        response.text("jobId"),
        System.currentTimeMillis() - uploadStart,
        null);
  }
}
