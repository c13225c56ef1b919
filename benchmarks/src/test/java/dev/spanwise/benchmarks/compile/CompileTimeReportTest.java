package dev.spanwise.benchmarks.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The compile-time section: ratios to the floor against each bar, and only that section rewritten. */
class CompileTimeReportTest {

  private static final String RESULT = """
      {"mode": "in-process", "rounds": 3, "warmups": 1, "jdk": "OpenJDK 17", "cpus": 2,
       "loadBefore": "1.00 1.00 1.00", "loadAfter": "2.00 2.00 2.00", "bases": [
        {"name": "all-traced", "label": "all traced", "classes": 200, "traced": 200,
         "spanMethods": 1000, "bar": 1.10, "ratioCpu": 1.08, "ratioWall": 1.09, "variants": {
           "javac": {"wallMillis": [1], "cpuMillis": [1], "medianWallMillis": 1000, "medianCpuMillis": 900},
           "noop": {"wallMillis": [1], "cpuMillis": [1], "medianWallMillis": 1100, "medianCpuMillis": 1000},
           "spanwise": {"wallMillis": [1], "cpuMillis": [1], "medianWallMillis": 1199, "medianCpuMillis": 1080}}},
        {"name": "realistic", "label": "realistic", "classes": 600, "traced": 30,
         "spanMethods": 150, "bar": 1.05, "ratioCpu": 1.06, "ratioWall": 1.01, "variants": {
           "javac": {"wallMillis": [1], "cpuMillis": [1], "medianWallMillis": 2000, "medianCpuMillis": 1900},
           "noop": {"wallMillis": [1], "cpuMillis": [1], "medianWallMillis": 2100, "medianCpuMillis": 2000},
           "spanwise": {"wallMillis": [1], "cpuMillis": [1], "medianWallMillis": 2121, "medianCpuMillis": 2120}}}]}
      """;

  @Test
  void eachBaseIsHeldToItsOwnBarOnTheCpuRatio() {
    JsonNode result = JsonMapper.builder().build().readTree(RESULT);

    List<CompileTimeReport.Bar> bars = CompileTimeReport.bars(result);

    assertThat(bars).extracting(CompileTimeReport.Bar::measured).containsExactly("1.080x", "1.060x");
    assertThat(bars).extracting(CompileTimeReport.Bar::met).containsExactly(true, false);
    assertThat(CompileTimeReport.realisticRatio(result)).isEqualTo(1.06);
    assertThat(CompileTimeReport.section(result))
        .contains("| all traced: 200 classes, 200 traced (1000 `@Span` methods) | 900 ms (1000 ms)"
            + " | 1000 ms (1100 ms) | 1080 ms (1199 ms) | **1.080x** (wall 1.090x) | 1.10x met |")
        .contains("| 1.05x **missed** |")
        .contains("load average 1.00 1.00 1.00 before the run and 2.00 2.00 2.00 after");
  }

  @Test
  void rewritingTheSectionLeavesTheRestOfThePage() {
    String page = "# Benchmarks\n\n## Targets\n\nt\n\n## Compile time\n\nold\n\n## What is measured\n\nm\n";
    String section = CompileTimeReport.START + "\n## Compile time\n\nnew\n" + CompileTimeReport.END + "\n";

    String once = CompileTimeReport.replaceSection(page, section);
    String twice = CompileTimeReport.replaceSection(once, section.replace("new", "newer"));

    assertThat(once).contains("## Targets\n\nt\n", "new\n", "## What is measured\n\nm\n").doesNotContain("old");
    assertThat(twice).contains("newer").doesNotContain("new\n" + CompileTimeReport.END)
        .contains("## What is measured\n\nm\n");
    assertThat(twice.indexOf(CompileTimeReport.START)).isEqualTo(twice.lastIndexOf(CompileTimeReport.START));
  }

  @Test
  void aWholeProcessRunHasItsOwnSectionAfterTheInProcessOne() {
    JsonNode process = JsonMapper.builder().build().readTree(RESULT.replace("in-process", "process"));
    String page = "# B\n\n" + CompileTimeReport.START + "\n## Compile time\n\nx\n" + CompileTimeReport.END
        + "\n\n## What is measured\n";

    String once = CompileTimeReport.replaceSection(page, CompileTimeReport.section(process));
    String twice = CompileTimeReport.replaceSection(once, CompileTimeReport.section(process));

    assertThat(twice).isEqualTo(once);
    assertThat(once).contains("## Compile time\n\nx\n", "### Compile time, javac as a whole process",
        "each run a fresh process");
    assertThat(once.indexOf(CompileTimeReport.PROCESS_START))
        .isGreaterThan(once.indexOf(CompileTimeReport.END))
        .isLessThan(once.indexOf("## What is measured"));
  }

  @Test
  void noResultMeansNoSectionAndNoBars() {
    JsonNode empty = JsonMapper.builder().build().readTree("{}");

    assertThat(CompileTimeReport.section(empty)).isEmpty();
    assertThat(CompileTimeReport.bars(empty)).isEmpty();
  }
}
