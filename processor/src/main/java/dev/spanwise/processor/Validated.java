package dev.spanwise.processor;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A validator's answer: its report, and the model of what it validated, present only when the
 * report is clean.
 */
record Validated<T>(Report report, Optional<T> model) {

  /** Returns the report with the model {@code model} builds, if the report is clean. */
  static <T> Validated<T> of(Report report, Supplier<T> model) {
    return new Validated<>(report, report.isClean() ? Optional.of(model.get()) : Optional.empty());
  }
}
