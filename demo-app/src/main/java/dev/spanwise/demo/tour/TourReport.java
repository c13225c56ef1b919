package dev.spanwise.demo.tour;

import java.util.List;
import java.util.Map;

/**
 * What the tour did: each step with what was expected and what happened, the label of each trace
 * it started, and how many transactions its traces should hold once the server and the queue
 * consumer have finished theirs.
 */
public record TourReport(List<Step> steps, Map<String, String> traceLabels, int expectedTransactions) {

  /** One step of the tour. */
  public record Step(String flow, String action, String expected, String actual) {

    public boolean passed() {
      return expected.equals(actual);
    }
  }

  /** Returns whether every step went as expected. */
  public boolean passed() {
    return steps.stream().allMatch(Step::passed);
  }

  /** Returns the steps as a table, one line each, with a verdict at the end. */
  public String summary() {
    StringBuilder out = new StringBuilder("Tour\n");
    for (Step step : steps) {
      out.append(String.format("  %s %-9s %-44s %s", step.passed() ? "ok  " : "FAIL", step.flow(), step.action(), step.actual()));
      if (!step.passed()) {
        out.append("   (expected ").append(step.expected()).append(')');
      }
      out.append('\n');
    }
    long failed = steps.stream().filter(step -> !step.passed()).count();
    out.append(
        failed == 0
            ? String.format("All %d steps went as expected.%n", steps.size())
            : String.format("%d of %d steps did not go as expected.%n", failed, steps.size()));
    return out.toString();
  }
}
