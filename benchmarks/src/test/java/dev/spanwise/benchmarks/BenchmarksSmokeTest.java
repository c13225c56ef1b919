package dev.spanwise.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark for a fraction of a second, in this JVM, so that they keep working; then
 * the compile-time benchmark on a handful of classes, and the report on what they produced. The
 * numbers mean nothing: the documented full run makes those.
 */
class BenchmarksSmokeTest {

  private static final Path DIR =
      Path.of(System.getProperty("spanwise.benchmarks.smokeDir", "target/smoke"));

  @Test
  void everyBenchmarkRunsAndTheReportRendersThem() throws Exception {
    Files.createDirectories(DIR);
    Path jmhJson = DIR.resolve("jmh.json");
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(SpanBenchmark.class.getName())
                    .include(OpenTelemetryBenchmark.class.getName())
                    .param("spans", "10")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100))
                    .timeout(TimeValue.seconds(30))
                    .verbosity(VerboseMode.SILENT)
                    .resultFormat(ResultFormatType.JSON)
                    .result(jmhJson.toString())
                    .build())
            .run();

    // 8 Sentry variants in 3 modes (one transaction size), 2 OpenTelemetry variants.
    assertThat(results).hasSize(8 * 3 + 2);
    assertThat(results)
        .allSatisfy(result -> assertThat(result.getPrimaryResult().getScore()).isPositive());

    Path compileJson = DIR.resolve("compile-time.json");
    CompileTimeBenchmark.main(new String[] {compileJson.toString(), "5", "1", "0"});
    assertThat(compileJson).exists();

    Path readme = DIR.resolve("README.md");
    Files.writeString(
        readme,
        "# x\n\n## Performance\n\n" + BenchmarkReport.README_START + "\nold\n"
            + BenchmarkReport.README_END + "\n\n## Next\n");
    Path page = DIR.resolve("benchmarks.md");
    Files.writeString(page, "old page\n" + BenchmarkReport.BREAKDOWN_START + "\nkept by hand\n"
        + BenchmarkReport.BREAKDOWN_END + "\n");
    BenchmarkReport.main(
        new String[] {jmhJson.toString(), compileJson.toString(), page.toString(),
            readme.toString()});
    assertThat(Files.readString(page))
        .contains("## Targets", "Spanwise, ajc build-time woven", "OpenTelemetry `@WithSpan`",
            "## Compile time", "empty `MethodInterceptor`", "kept by hand")
        .doesNotContain("old page");
    assertThat(Files.readString(readme))
        .contains("| Spanwise, ajc build-time woven |", "## Next")
        .doesNotContain("old");
  }
}
