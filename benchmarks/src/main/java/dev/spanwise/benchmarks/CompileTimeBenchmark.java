package dev.spanwise.benchmarks;

import dev.spanwise.Spans;
import dev.spanwise.annotations.Span;
import dev.spanwise.benchmarks.compile.CompileTimeReport;
import dev.spanwise.benchmarks.compile.CompileTimeSources;
import dev.spanwise.benchmarks.compile.InProcessJavac;
import dev.spanwise.benchmarks.compile.NoOpProcessor;
import dev.spanwise.benchmarks.compile.TimedJavac;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the processor adds to javac, against the floor that any processor of {@code @Span} pays: a
 * no-op processor that only asks javac for the {@code @Span} elements ({@link NoOpProcessor}).
 * Three variants (plain javac with {@code -proc:none}, the no-op processor, Spanwise's) on two code
 * bases: all-traced ({@code classes} classes × 5 {@code @Span} methods) and realistic (three times
 * as many classes, one in twenty traced). javac runs either in this JVM, as Maven's compiler
 * plugin runs it (javac warm, the processor in a class loader of its own each time: {@link
 * InProcessJavac}; the default), or as a fresh process ({@link TimedJavac}, {@code
 * -Dspanwise.benchmarks.compileMode=process});
 * either way its CPU time is measured beside the wall time (in this JVM, the compiling thread's).
 * The variants take turns, in a rotating order, round after round, so that a shared machine's
 * load falls on all of them alike. The result: each variant's medians and Spanwise's ratio to
 * the floor, round by round ({@link #roundByRoundRatio}).
 *
 * <p>Not a JMH benchmark: a javac process is one long shot, and JMH would run all rounds of one
 * variant before the next.
 */
public final class CompileTimeBenchmark {

  /** Spanwise's processor, named explicitly so that javac runs it and nothing else. */
  static final String PROCESSOR = "dev.spanwise.processor.SpanwiseProcessor";

  /** The variants, in the order of the first round; later rounds rotate it. */
  static final List<String> VARIANTS = List.of("javac", "noop", "spanwise");

  /** One code base to compile: its name and shape, and the bar Spanwise is held to there. */
  record Base(String name, String label, int classes, int traced, double bar) {}

  /** One variant's runs on one base, in milliseconds, and their medians. */
  record Runs(List<Long> wallMillis, List<Long> cpuMillis, double medianWallMillis,
      double medianCpuMillis) {}

  /** One base's result: every variant's runs, and Spanwise against the floor. */
  record BaseResult(String name, String label, int classes, int traced, int spanMethods,
      double bar, Map<String, Runs> variants, double ratioCpu, double ratioWall) {}

  /** The whole run. */
  record Result(String mode, int rounds, int warmups, String jdk, int cpus, String loadBefore,
      String loadAfter, List<BaseResult> bases) {}

  /** javac in this JVM (CPU time of this process) or as a process of its own. */
  static final String MODE = System.getProperty("spanwise.benchmarks.compileMode", "in-process");

  private final Path workDir;
  private final int rounds;
  private final int warmups;

  CompileTimeBenchmark(Path workDir, int rounds, int warmups) {
    this.workDir = workDir;
    this.rounds = rounds;
    this.warmups = warmups;
  }

  /** The all-traced base of {@code classes} classes, and the realistic one beside it. */
  static List<Base> bases(int classes) {
    int realistic = classes * 3;
    return List.of(
        new Base("all-traced", "all traced", classes, classes, 1.10),
        new Base("realistic", "realistic", realistic, Math.max(1, realistic / 20), 1.05));
  }

  /**
   * Arguments: the JSON file to write, then optionally the all-traced base's classes (200), rounds
   * (7), untimed warm-up rounds (1), and a Markdown page whose compile-time section to rewrite.
   */
  public static void main(String[] args) throws Exception {
    Path output = Path.of(args[0]);
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Files.createDirectories(output.toAbsolutePath().getParent());
    Path work = Files.createTempDirectory("spanwise-compile-bench");
    Result result;
    try {
      result = new CompileTimeBenchmark(work, rounds, warmups).run(bases(classes));
    } finally {
      deleteRecursively(work);
    }
    Files.writeString(output, JsonMapper.builder().build().writeValueAsString(result));
    for (BaseResult base : result.bases()) {
      System.out.printf(java.util.Locale.ROOT,
          "[" + result.mode() + "] %s (%d classes, %d traced): javac %.0f ms, no-op %.0f ms, spanwise %.0f ms CPU"
              + " (median of %d): %.3fx the floor (wall %.3fx), bar %.2fx%n",
          base.name(), base.classes(), base.traced(),
          base.variants().get("javac").medianCpuMillis(),
          base.variants().get("noop").medianCpuMillis(),
          base.variants().get("spanwise").medianCpuMillis(), rounds, base.ratioCpu(),
          base.ratioWall(), base.bar());
    }
    if (args.length > 4) {
      Path page = Path.of(args[4]);
      String section = CompileTimeReport.section(
          JsonMapper.builder().build().readTree(Files.readString(output)));
      String existing = Files.exists(page) ? Files.readString(page) : "# Benchmarks\n\n";
      Files.writeString(page, CompileTimeReport.replaceSection(existing, section));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  Result run(List<Base> bases) throws IOException, InterruptedException {
    String loadBefore = loadAverage();
    String classPath = pathOf(Span.class, Spans.class, sentryClass());
    Map<String, List<String>> options = new LinkedHashMap<>();
    options.put("javac", List.of("-proc:none"));
    options.put("noop", List.of("-processorpath", pathOf(Span.class, NoOpProcessor.class),
        "-processor", NoOpProcessor.class.getName()));
    options.put("spanwise", List.of("-processorpath", pathOf(Span.class, processorClass()),
        "-processor", PROCESSOR));

    Map<String, Map<String, List<String>>> commands = new LinkedHashMap<>();
    for (Base base : bases) {
      Path sources = workDir.resolve(base.name()).resolve("src");
      List<Path> files = CompileTimeSources.write(sources, base.classes(), base.traced());
      Path argFile = workDir.resolve(base.name()).resolve("sources.txt");
      Files.write(argFile, files.stream().map(Path::toString).collect(Collectors.toList()));
      Map<String, List<String>> byVariant = new LinkedHashMap<>();
      for (String variant : VARIANTS) {
        byVariant.put(variant, command(classPath, "@" + argFile, options.get(variant)));
      }
      commands.put(base.name(), byVariant);
    }
    Map<String, Map<String, List<long[]>>> times = new LinkedHashMap<>();
    for (int round = -warmups; round < rounds; round++) {
      for (Base base : bases) {
        for (int v = 0; v < VARIANTS.size(); v++) {
          // Rotate the order, so that no variant always follows the same one.
          String variant = VARIANTS.get(Math.floorMod(v + round, VARIANTS.size()));
          long[] time = time(commands.get(base.name()).get(variant), base.name() + "-" + variant);
          if (round >= 0) {
            times.computeIfAbsent(base.name(), b -> new LinkedHashMap<>())
                .computeIfAbsent(variant, x -> new ArrayList<>()).add(time);
          }
        }
      }
    }
    List<BaseResult> results = new ArrayList<>();
    for (Base base : bases) {
      Map<String, Runs> variants = new LinkedHashMap<>();
      for (String variant : VARIANTS) {
        List<long[]> runs = times.get(base.name()).get(variant);
        List<Long> wall = runs.stream().map(t -> t[0]).collect(Collectors.toList());
        List<Long> cpu = runs.stream().map(t -> t[1]).collect(Collectors.toList());
        variants.put(variant, new Runs(wall, cpu, median(wall), median(cpu)));
      }
      results.add(new BaseResult(base.name(), base.label(), base.classes(), base.traced(),
          base.traced() * CompileTimeSources.METHODS_PER_TRACED_CLASS, base.bar(), variants,
          roundByRoundRatio(variants.get("spanwise").cpuMillis(), variants.get("noop").cpuMillis()),
          roundByRoundRatio(variants.get("spanwise").wallMillis(), variants.get("noop").wallMillis())));
    }
    return new Result(MODE, rounds, warmups, System.getProperty("java.vm.name") + " "
        + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        loadBefore, loadAverage(), results);
  }

  private List<String> command(String classPath, String sources, List<String> options) {
    List<String> command = new ArrayList<>();
    if (MODE.equals("process")) {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-cp", pathOf(TimedJavac.class), TimedJavac.class.getName()));
    }
    command.addAll(List.of("--release", "17", "-nowarn", "-implicit:none", "-cp", classPath));
    command.addAll(options);
    command.add(sources);
    return command;
  }

  /** Runs one javac; returns its wall and CPU milliseconds. */
  private long[] time(List<String> javac, String label) throws IOException, InterruptedException {
    Path out = workDir.resolve("out-" + label);
    Files.createDirectories(out);
    List<String> command = new ArrayList<>(javac);
    command.addAll(List.of("-d", out.toString()));
    if (!MODE.equals("process")) {
      return InProcessJavac.time(command, label);
    }
    Path log = workDir.resolve("javac-" + label + ".log");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0) {
      throw new IllegalStateException("javac (" + label + ") failed:\n" + output);
    }
    long cpu = output.lines()
        .filter(line -> line.startsWith("cpu-nanos="))
        .mapToLong(line -> Long.parseLong(line.substring("cpu-nanos=".length())))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no CPU time from javac (" + label + ")"));
    return new long[] {wall, TimeUnit.NANOSECONDS.toMillis(cpu)};
  }

  private static String loadAverage() {
    try {
      Path loadavg = Path.of("/proc/loadavg");
      return Files.isReadable(loadavg)
          ? String.join(" ", List.of(Files.readString(loadavg).trim().split(" ")).subList(0, 3))
          : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The median of each round's ratio {@code measured[i] / floor[i]}: the two ran side by side in
   * that round, so a load that comes and goes during the run (a shared machine's other builds)
   * falls on both, where a ratio of the two medians could pair a quiet round with a busy one.
   */
  static double roundByRoundRatio(List<Long> measured, List<Long> floor) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < measured.size(); i++) {
      ratios.add((double) measured.get(i) / floor.get(i));
    }
    return medianOf(ratios);
  }

  static double median(List<Long> values) {
    return medianOf(values.stream().map(Long::doubleValue).collect(Collectors.toList()));
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().collect(Collectors.toList());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  /** Sentry's SDK, which the aspect's classes refer to; named, so no io.sentry import sits beside ours. */
  private static Class<?> sentryClass() {
    try {
      return Class.forName("io.sentry.Sentry");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Sentry's SDK is not on the class path", e);
    }
  }

  private static Class<?> processorClass() {
    try {
      return Class.forName(PROCESSOR);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("spanwise-processor is not on the class path", e);
    }
  }

  /** The class path entries (jars or class directories) that hold {@code types}. */
  private static String pathOf(Class<?>... types) {
    LinkedHashSet<String> entries = new LinkedHashSet<>();
    for (Class<?> type : types) {
      try {
        entries.add(
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
