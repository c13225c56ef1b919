package dev.spanwise.benchmarks.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The compile-time section of {@code docs/benchmarks.md}, from the compile-time benchmark's JSON:
 * one table of the medians measured side by side in one run, Spanwise's ratio to the no-op floor
 * on each base against its bar, and the machine's load. Kept between markers, so that a
 * compile-time run ({@code -Dspanwise.benchmarks=compile}) rewrites this section alone.
 */
public final class CompileTimeReport {

  public static final String START = "<!-- compile-time:start -->";
  public static final String END = "<!-- compile-time:end -->";
  /** A whole-process run's section, kept beside the in-process one. */
  public static final String PROCESS_START = "<!-- compile-time-process:start -->";
  public static final String PROCESS_END = "<!-- compile-time-process:end -->";

  private CompileTimeReport() {}

  /**
   * Renders a result already measured into a page: arguments compile-time.json, then the page
   * whose section (in-process or whole-process, as the result says) to rewrite.
   */
  public static void main(String[] args) throws java.io.IOException {
    JsonNode result = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(java.nio.file.Files.readString(java.nio.file.Path.of(args[0])));
    java.nio.file.Path page = java.nio.file.Path.of(args[1]);
    java.nio.file.Files.writeString(page,
        replaceSection(java.nio.file.Files.readString(page), section(result)));
  }

  /** One bar: what is held, what was measured, and whether it holds. */
  public record Bar(String what, String measured, boolean met) {}

  /** Returns whether {@code compile} is a result of this benchmark. */
  public static boolean isResult(JsonNode compile) {
    return compile != null && compile.has("bases");
  }

  /** Returns Spanwise's bars, one per base: its CPU-time ratio to the no-op floor. */
  public static List<Bar> bars(JsonNode compile) {
    List<Bar> bars = new ArrayList<>();
    if (!isResult(compile)) {
      return bars;
    }
    for (JsonNode base : compile.get("bases")) {
      double ratio = base.get("ratioCpu").asDouble();
      double bar = base.get("bar").asDouble();
      bars.add(new Bar(
          fmt("processor within %.2fx of a no-op processor, %s base", bar, base.get("label").asString()),
          fmt("%.3fx", ratio), ratio <= bar));
    }
    return bars;
  }

  /** Returns the realistic base's ratio (the one a team adding Spanwise pays), or NaN. */
  public static double realisticRatio(JsonNode compile) {
    if (isResult(compile)) {
      for (JsonNode base : compile.get("bases")) {
        if (base.get("name").asString().equals("realistic")) {
          return base.get("ratioCpu").asDouble();
        }
      }
    }
    return Double.NaN;
  }

  /** The section, markers included, or an empty string when there is no result. */
  public static String section(JsonNode compile) {
    if (!isResult(compile)) {
      return "";
    }
    boolean process = compile.path("mode").asString("in-process").equals("process");
    StringBuilder md = new StringBuilder(process ? PROCESS_START : START)
        .append(process ? "\n### Compile time, javac as a whole process\n\n" : "\n## Compile time\n\n");
    md.append(fmt("javac `--release 17`, %s; %d rounds (after %d untimed), the variants in a"
        + " rotating order each round, all in one run. Medians; CPU time first (the figure the bars"
        + " use: it does not grow when other builds take the cores), wall time after. Spanwise /"
        + " floor is the median of each round's ratio (the two ran side by side in that round, so a"
        + " load that comes and goes during the run falls on both). %s, %d CPUs,"
        + " load average %s before the run and %s after (the machine is shared with other"
        + " builds).\n\n",
        process ? "each run a fresh process that reports its own CPU time"
            : "in the benchmark's JVM as Maven's compiler plugin runs it (javac warm, the"
                + " processor loaded anew each run, in a class loader that sees only the JDK, so"
                + " that its code starts cold every time as in a build; on a fixed, pre-touched"
                + " heap), CPU time of the thread that runs javac (GC and JIT threads left out)",
        compile.get("rounds").asInt(), compile.get("warmups").asInt(),
        compile.get("jdk").asString(), compile.get("cpus").asInt(),
        compile.get("loadBefore").asString(), compile.get("loadAfter").asString()));
    md.append("| code base | javac, no processor | no-op processor (the floor) | spanwise-processor"
        + " | spanwise / floor | bar |\n|---|---:|---:|---:|---:|---|\n");
    for (JsonNode base : compile.get("bases")) {
      JsonNode variants = base.get("variants");
      double ratio = base.get("ratioCpu").asDouble();
      double bar = base.get("bar").asDouble();
      md.append(fmt("| %s: %d classes, %d traced (%d `@Span` methods) | %s | %s | %s | **%.3fx**"
              + " (wall %.3fx) | %.2fx %s |\n",
          base.get("label").asString(), base.get("classes").asInt(), base.get("traced").asInt(),
          base.get("spanMethods").asInt(), cell(variants.get("javac")),
          cell(variants.get("noop")), cell(variants.get("spanwise")), ratio,
          base.get("ratioWall").asDouble(), bar, ratio <= bar ? "met" : "**missed**"));
    }
    md.append("\nEvery run, CPU ms (wall ms):\n\n");
    for (JsonNode base : compile.get("bases")) {
      JsonNode variants = base.get("variants");
      for (String variant : List.of("javac", "noop", "spanwise")) {
        JsonNode runs = variants.get(variant);
        md.append(fmt("- %s, %s: %s (%s)\n", base.get("label").asString(), variant,
            runs.get("cpuMillis").toString(), runs.get("wallMillis").toString()));
      }
    }
    md.append("\nThe no-op processor (`NoOpProcessor`) only asks javac for the `@Span` elements: what"
        + " any processor of `@Span` costs. The traced classes are services with five `@Span`"
        + " methods (paths, a result attribute, a `Spans.current()` call); the realistic base's"
        + " other classes are plain code (records, streams, lambdas, switches) with no Spanwise in"
        + " them. Run it alone with `mvn -B -q -pl benchmarks -am verify -DskipTests"
        + " -Dspanwise.benchmarks=compile" + (process ? " -Dspanwise.benchmarks.compileMode=process" : "")
        + "`.\n");
    return md.append(process ? PROCESS_END : END).append('\n').toString();
  }

  private static String cell(JsonNode runs) {
    return fmt("%.0f ms (%.0f ms)", runs.get("medianCpuMillis").asDouble(),
        runs.get("medianWallMillis").asDouble());
  }

  /**
   * Returns {@code page} with its compile-time section replaced: between the markers, else the
   * {@code ## Compile time} section up to the next heading, else before "What is measured", else
   * at the end.
   */
  public static String replaceSection(String page, String section) {
    if (section.startsWith(PROCESS_START)) {
      int start = page.indexOf(PROCESS_START);
      int end = page.indexOf(PROCESS_END);
      if (start >= 0 && end > start) {
        return page.substring(0, start) + section + page.substring(end + PROCESS_END.length() + 1);
      }
      int after = page.indexOf(END);
      return after < 0 ? page + "\n" + section
          : page.substring(0, after + END.length() + 1) + "\n" + section + page.substring(after + END.length() + 1);
    }
    int start = page.indexOf(START);
    int end = page.indexOf(END);
    if (start >= 0 && end > start) {
      return page.substring(0, start) + section + page.substring(end + END.length() + 1);
    }
    int heading = page.indexOf("## Compile time");
    if (heading >= 0) {
      int next = page.indexOf("\n## ", heading + 1);
      return page.substring(0, heading) + section + (next < 0 ? "" : "\n" + page.substring(next + 1));
    }
    int method = page.indexOf("## What is measured");
    if (method >= 0) {
      return page.substring(0, method) + section + "\n" + page.substring(method);
    }
    return page + (page.endsWith("\n") ? "\n" : "\n\n") + section;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
