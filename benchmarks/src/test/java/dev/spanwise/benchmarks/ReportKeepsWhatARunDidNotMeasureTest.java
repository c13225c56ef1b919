package dev.spanwise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.benchmarks.compile.CompileTimeReport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run of the run-time benchmarks alone rewrites the page but keeps what it did not measure: the
 * hand-written breakdown and both compile-time sections, word for word.
 */
class ReportKeepsWhatARunDidNotMeasureTest {

  private static final String IN_PROCESS =
      CompileTimeReport.START + "\n## Compile time\n\nin-process figures 1.118x\n"
          + CompileTimeReport.END;
  private static final String PROCESS =
      CompileTimeReport.PROCESS_START + "\n### Compile time, javac as a whole process\n\n"
          + "process figures 1.143x\n" + CompileTimeReport.PROCESS_END;
  private static final String BREAKDOWN =
      "<!-- breakdown:start -->\n## Where the time goes\n\nby hand\n<!-- breakdown:end -->";

  @Test
  void runWithoutCompileTimeKeepsBothCompileSectionsAndTheBreakdown() {
    JsonMapper mapper = JsonMapper.builder().build();
    BenchmarkReport report =
        new BenchmarkReport(mapper.createArrayNode(), mapper.createObjectNode());
    String previous =
        "# Benchmarks\n\nold tables\n\n" + BREAKDOWN + "\n\n" + IN_PROCESS + "\n\n" + PROCESS
            + "\n\n## What is measured, and how\n\nold method\n";

    String page = report.pageKeeping(previous);

    assertThat(page).contains(BREAKDOWN).contains(IN_PROCESS).contains(PROCESS);
    assertThat(page).doesNotContain("old tables");
    assertThat(page.indexOf(IN_PROCESS)).isLessThan(page.indexOf(PROCESS));
    assertThat(page.indexOf(PROCESS)).isLessThan(page.indexOf("## What is measured"));
  }

  @Test
  void firstRunWithoutCompileTimeHasNoCompileSection() {
    JsonMapper mapper = JsonMapper.builder().build();
    BenchmarkReport report =
        new BenchmarkReport(mapper.createArrayNode(), mapper.createObjectNode());

    assertThat(report.pageKeeping("")).doesNotContain(CompileTimeReport.START);
  }
}
