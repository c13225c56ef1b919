package dev.spanwise.demo.media;

import java.util.List;
import java.util.stream.Collectors;

/** What processing one job produced; every field but {@code status} is {@code null} on failure. */
public record ProcessingResult(
    List<String> operations,
    String optimizationLevel,
    Boolean thumbnailCreated,
    Long durationMs,
    Long sizeSavedBytes,
    Integer sizeReductionPercent,
    String status) {

  static ProcessingResult failed() {
    return new ProcessingResult(null, null, null, null, null, null, "failed");
  }

  /** The operations as the seed records them, {@code JSON.stringify(operations)}: a string. */
  public String operationsJson() {
    return operations == null
        ? null
        : operations.stream().map(o -> '"' + o + '"').collect(Collectors.joining(",", "[", "]"));
  }

  public boolean isFailed() {
    return "failed".equals(status);
  }
}
