package dev.spanwise.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The documented full run: every JMH benchmark with the GC profiler (JSON result), the compile-time
 * benchmark, then the report ({@code docs/benchmarks.md} and the README's Performance table).
 *
 * <p>Arguments: the repository's root, then any JMH options ({@code -f 2}, {@code -prof stack},
 * a benchmark regex), which replace the defaults they name.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]).toRealPath();
    CommandLineOptions jmhOptions =
        new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
    Path out = root.resolve("benchmarks/target/benchmarks");
    Files.createDirectories(out);
    Path jmhJson = out.resolve("jmh.json");
    Path compileJson = out.resolve("compile-time.json");

    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .parent(jmhOptions)
            .addProfiler(GCProfiler.class)
            .resultFormat(ResultFormatType.JSON)
            .result(jmhJson.toString());
    if (jmhOptions.getIncludes().isEmpty()) {
      options.include(SpanBenchmark.class.getName()).include(OpenTelemetryBenchmark.class.getName());
    }
    new Runner(options.build()).run();

    int classes = Integer.getInteger("spanwise.benchmarks.classes", 200);
    int rounds = Integer.getInteger("spanwise.benchmarks.rounds", 7);
    CompileTimeBenchmark.main(
        new String[] {compileJson.toString(), String.valueOf(classes), String.valueOf(rounds)});

    BenchmarkReport.main(
        new String[] {
          jmhJson.toString(),
          compileJson.toString(),
          root.resolve("docs/benchmarks.md").toString(),
          root.resolve("README.md").toString()
        });
  }
}
