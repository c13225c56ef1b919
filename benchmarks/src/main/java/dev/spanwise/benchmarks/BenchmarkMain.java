package dev.spanwise.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The documented full run: every JMH benchmark with the GC profiler (JSON result), the load-time
 * woven one in JVMs of its own with the weaver's agent, the compile-time benchmark, then the report
 * ({@code docs/benchmarks.md} and the README's Performance table).
 *
 * <p>Arguments: the repository's root, then any JMH options ({@code -f 2}, {@code -prof stack},
 * a benchmark regex), which replace the defaults they name.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  /** The jar of AspectJ's load-time weaver, which is on this class path. */
  private static Path weaverJar() throws Exception {
    return Path.of(
        org.aspectj.weaver.loadtime.Agent.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .toURI());
  }

  /** Appends the results of {@code more} to those of {@code into}: one JSON array for the report. */
  private static void merge(Path into, Path more) throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    ArrayNode all = (ArrayNode) mapper.readTree(Files.readString(into));
    mapper.readTree(Files.readString(more)).forEach(all::add);
    Files.writeString(into, mapper.writeValueAsString(all));
  }

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
    List<String> includes = jmhOptions.getIncludes();
    String loadTime = LoadTimeWovenBenchmark.class.getName();
    if (includes.isEmpty()) {
      options.include(SpanBenchmark.class.getName()).include(OpenTelemetryBenchmark.class.getName());
    }
    // Never under the agent: it would weave the ajc-woven and proxied fixtures a second time.
    options.exclude(loadTime);
    new Runner(options.build()).run();

    List<String> loadTimeIncludes =
        includes.isEmpty()
            ? List.of(loadTime)
            : includes.stream().filter(regex -> regex.contains("LoadTime")).toList();
    if (!loadTimeIncludes.isEmpty()) {
      Path loadTimeJson = out.resolve("jmh-load-time.json");
      ChainedOptionsBuilder agent =
          new OptionsBuilder()
              .parent(jmhOptions)
              .addProfiler(GCProfiler.class)
              .jvmArgsAppend("-javaagent:" + weaverJar())
              .resultFormat(ResultFormatType.JSON)
              .result(loadTimeJson.toString());
      loadTimeIncludes.forEach(agent::include);
      new Runner(agent.build()).run();
      merge(jmhJson, loadTimeJson);
    }

    // -Dspanwise.benchmarks.skipCompile=true: run time only. The page keeps its compile-time
    // sections, which the compile benchmark's own profile measures on a fixed heap.
    boolean compile = !Boolean.getBoolean("spanwise.benchmarks.skipCompile");
    if (compile) {
      int classes = Integer.getInteger("spanwise.benchmarks.classes", 200);
      int rounds = Integer.getInteger("spanwise.benchmarks.rounds", 7);
      CompileTimeBenchmark.main(
          new String[] {compileJson.toString(), String.valueOf(classes), String.valueOf(rounds)});
    }

    BenchmarkReport.main(
        new String[] {
          jmhJson.toString(),
          compile ? compileJson.toString() : BenchmarkReport.NO_COMPILE_RUN,
          root.resolve("docs/benchmarks.md").toString(),
          root.resolve("README.md").toString()
        });
  }
}
