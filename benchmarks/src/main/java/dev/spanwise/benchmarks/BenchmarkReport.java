package dev.spanwise.benchmarks;

import dev.spanwise.benchmarks.compile.CompileTimeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one run's results (JMH's JSON, the compile-time benchmark's JSON) into {@code
 * docs/benchmarks.md}, and rewrites the README's table between {@value #README_START} and {@value
 * #README_END}. Every ratio compares numbers of the same run.
 *
 * <p>Arguments: jmh.json, compile-time.json, the Markdown page to write, and optionally the README.
 */
public final class BenchmarkReport {

  static final String README_START = "<!-- benchmarks:start -->";
  static final String README_END = "<!-- benchmarks:end -->";
  /**
   * The page's hand-written part, kept from the page it replaces: the per-step breakdown of where a
   * call's time goes, which comes from profiles, not from one run's scores.
   */
  static final String BREAKDOWN_START = "<!-- breakdown:start -->";
  static final String BREAKDOWN_END = "<!-- breakdown:end -->";

  /** Most a sampled Spanwise call may cost over the hand-written span (issue #14). */
  static final double WOVEN_RATIO_TARGET = 1.05;
  /** Most a sampled Spanwise call may allocate over the hand-written span, in bytes. */
  static final double WOVEN_BYTES_TARGET = 64;
  /** Most an unsampled call may cost over the un-annotated call: ns, bytes. */
  static final double UNSAMPLED_NANOS_TARGET = 20;
  static final double UNSAMPLED_BYTES_TARGET = 32;
  /** Most a call with Sentry off may cost over the un-annotated call: ns, bytes. */
  static final double OFF_NANOS_TARGET = 5;
  static final double OFF_BYTES_TARGET = 0;
  /** Most the Spring proxy may cost over an empty interceptor on the same proxy, in ns. */
  static final double PROXY_NANOS_TARGET = 10;
  /** A score whose 99.9% error is over this share of it is reported as not steady enough. */
  static final double STEADY_ERROR = 0.05;
  /**
   * The transaction size the unsampled and off targets are checked at (the sampled ones are checked
   * at each size): the largest, where the renewal of the parent transaction, which every variant
   * pays alike, is spread over the most calls and so adds the least noise to a difference of a few
   * nanoseconds.
   */
  static final String IDLE_SPANS = "900";

  static final List<String> MODES = List.of("sampled", "unsampled", "off");

  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("unannotated", "un-annotated method");
    LABELS.put("handWritten", "hand-written Sentry span");
    LABELS.put("spanwiseWoven", "Spanwise, ajc build-time woven");
    LABELS.put("spanwiseLoadTimeWoven", "Spanwise, load-time woven (agent; its own JVMs)");
    LABELS.put("ltwUnannotated", "un-annotated method, in the load-time woven JVMs");
    LABELS.put("ltwHandWritten", "hand-written Sentry span, in the load-time woven JVMs");
    LABELS.put("spanwiseWovenReflective", "Spanwise, ajc woven, compiled without the processor");
    LABELS.put("spanwiseSpringProxy", "Spanwise, Spring proxy (auto-configuration)");
    LABELS.put("emptyInterceptorSpringProxy", "empty `MethodInterceptor`, same kind of proxy");
    LABELS.put("handWrittenLikeSentrySpan", "hand-written like `@SentrySpan` (no data, not current)");
    LABELS.put("sentrySpanSpringProxy", "Sentry `@SentrySpan`, Spring proxy");
    LABELS.put("otelHandWritten", "hand-written OpenTelemetry span");
    LABELS.put("otelWithSpanSpringProxy", "OpenTelemetry `@WithSpan`, starter's aspect");
  }

  /** One benchmark's numbers. */
  record Score(double nanos, double error, double bytes) {}

  /** One target's verdict. */
  record Target(String what, String measured, boolean met) {}

  private final Map<String, Score> scores;
  /** The spans-per-transaction values of the run, in order. */
  private final List<String> spanCounts = new ArrayList<>();
  private final JsonNode compile;
  private final JsonNode firstRun;

  BenchmarkReport(JsonNode jmh, JsonNode compile) {
    this.scores = new LinkedHashMap<>();
    for (JsonNode run : jmh) {
      String method = run.get("benchmark").asString();
      method = method.substring(method.lastIndexOf('.') + 1);
      JsonNode params = run.get("params");
      String key = method;
      if (params != null && params.has("sentry")) {
        key += "@" + params.get("sentry").asString();
      }
      if (params != null && params.has("spans")) {
        String spans = params.get("spans").asString();
        key += "@" + spans;
        if (!spanCounts.contains(spans)) {
          spanCounts.add(spans);
        }
      }
      JsonNode alloc = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
      scores.put(
          key,
          new Score(
              number(run.path("primaryMetric").path("score")),
              number(run.path("primaryMetric").path("scoreError")),
              number(alloc)));
    }
    this.compile = compile;
    this.firstRun = jmh.size() > 0 ? jmh.get(0) : null;
  }

  /** JMH writes what it cannot compute (one iteration's error) as the string "NaN". */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }

  /** In place of compile-time.json: this run did not measure compile time. */
  static final String NO_COMPILE_RUN = "-";

  public static void main(String[] args) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode jmh = mapper.readTree(Files.readString(Path.of(args[0])));
    Path compilePath = Path.of(args[1]);
    JsonNode compile = !args[1].equals(NO_COMPILE_RUN) && Files.exists(compilePath)
        ? mapper.readTree(Files.readString(compilePath))
        : mapper.createObjectNode();
    BenchmarkReport report = new BenchmarkReport(jmh, compile);
    Path page = Path.of(args[2]);
    Files.createDirectories(page.toAbsolutePath().getParent());
    String previous = Files.exists(page) ? Files.readString(page) : "";
    Files.writeString(page, report.pageKeeping(previous));
    if (args.length > 3) {
      Path readme = Path.of(args[3]);
      Files.writeString(readme, report.withReadmeTable(Files.readString(readme)));
    }
    for (Target target : report.targets()) {
      System.out.printf("%s %s: %s%n", target.met() ? "MET   " : "MISSED", target.what(),
          target.measured());
    }
  }

  /** {@code mode} is {@code null} for a benchmark without modes, else "mode" or "mode@spans". */
  Score score(String benchmark, String mode) {
    if (mode == null) {
      return scores.get(benchmark);
    }
    Score exact = scores.get(benchmark + "@" + mode);
    if (exact != null || mode.contains("@")) {
      return exact;
    }
    // A mode without a size: the idle size, else the only one there is.
    Score idle = scores.get(benchmark + "@" + mode + "@" + IDLE_SPANS);
    return idle != null || spanCounts.isEmpty()
        ? idle
        : scores.get(benchmark + "@" + mode + "@" + spanCounts.get(0));
  }

  private double ratio(String benchmark, String baseline, String mode) {
    Score a = score(benchmark, mode);
    Score b = score(baseline, mode);
    return a == null || b == null ? Double.NaN : a.nanos() / b.nanos();
  }

  private double delta(String benchmark, String baseline, String mode) {
    Score a = score(benchmark, mode);
    Score b = score(baseline, mode);
    return a == null || b == null ? Double.NaN : a.nanos() - b.nanos();
  }

  private double bytesOver(String benchmark, String baseline, String mode) {
    Score a = score(benchmark, mode);
    Score b = score(baseline, mode);
    return a == null || b == null ? Double.NaN : a.bytes() - b.bytes();
  }

  /** The sizes the sampled targets are checked at: 10 and 100 spans when the run has them. */
  private List<String> sampledSizes() {
    List<String> sizes = new ArrayList<>();
    for (String spans : spanCounts) {
      if (!spans.equals("900")) {
        sizes.add(spans);
      }
    }
    return sizes.isEmpty() ? spanCounts : sizes;
  }

  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    List<String> sampled = new ArrayList<>();
    for (String spans : sampledSizes()) {
      sampled.add("sampled@" + spans);
    }
    if (sampled.isEmpty()) {
      sampled.add("sampled");
    }
    for (String mode : sampled) {
      double r = ratio("spanwiseWoven", "handWritten", mode);
      double b = bytesOver("spanwiseWoven", "handWritten", mode);
      targets.add(new Target(
          "Spanwise (ajc) within " + WOVEN_RATIO_TARGET + "x of hand-written and "
              + (int) WOVEN_BYTES_TARGET + " B over it, " + describeKey(mode),
          fmt("%.3fx, %+.0f B", r, b), r <= WOVEN_RATIO_TARGET && b <= WOVEN_BYTES_TARGET));
    }
    double proxy = ratio("spanwiseSpringProxy", "sentrySpanSpringProxy", "sampled");
    targets.add(new Target(
        "Spanwise Spring proxy no slower than `@SentrySpan` (sampled)",
        fmt("%.2fx", proxy), proxy <= 1.0));
    idleTarget(targets, "spanwiseWoven", "unsampled", UNSAMPLED_NANOS_TARGET,
        UNSAMPLED_BYTES_TARGET);
    idleTarget(targets, "spanwiseWoven", "off", OFF_NANOS_TARGET, OFF_BYTES_TARGET);
    if (score("spanwiseLoadTimeWoven", "off") != null) {
      for (String mode : sampled) {
        double r = ratio("spanwiseLoadTimeWoven", "ltwHandWritten", mode);
        double b = bytesOver("spanwiseLoadTimeWoven", "ltwHandWritten", mode);
        targets.add(new Target(
            "Spanwise (load-time woven) within " + WOVEN_RATIO_TARGET + "x of hand-written and "
                + (int) WOVEN_BYTES_TARGET + " B over it, " + describeKey(mode),
            fmt("%.3fx, %+.0f B", r, b), r <= WOVEN_RATIO_TARGET && b <= WOVEN_BYTES_TARGET));
      }
      idleTarget(targets, "spanwiseLoadTimeWoven", "ltwUnannotated", "unsampled",
          UNSAMPLED_NANOS_TARGET, UNSAMPLED_BYTES_TARGET);
      idleTarget(targets, "spanwiseLoadTimeWoven", "ltwUnannotated", "off", OFF_NANOS_TARGET,
          OFF_BYTES_TARGET);
    }
    for (String mode : List.of("unsampled", "off")) {
      double d = delta("spanwiseSpringProxy", "emptyInterceptorSpringProxy", mode);
      targets.add(new Target(
          "Spanwise Spring proxy within " + (int) PROXY_NANOS_TARGET
              + " ns of an empty interceptor on the same proxy, " + mode,
          fmt("%+.1f ns", d), d <= PROXY_NANOS_TARGET));
    }
    for (CompileTimeReport.Bar bar : CompileTimeReport.bars(compile)) {
      targets.add(new Target(bar.what(), bar.measured(), bar.met()));
    }
    return targets;
  }

  private void idleTarget(
      List<Target> targets, String variant, String mode, double nanos, double bytes) {
    idleTarget(targets, variant, "unannotated", mode, nanos, bytes);
  }

  private void idleTarget(List<Target> targets, String variant, String baseline, String mode,
      double nanos, double bytes) {
    double d = delta(variant, baseline, mode);
    double b = bytesOver(variant, baseline, mode);
    targets.add(new Target(
        LABELS.get(variant) + " within " + fmt("%.0f", nanos) + " ns and " + fmt("%.0f", bytes)
            + " B of un-annotated, " + mode,
        fmt("%+.1f ns, %+.0f B", d, b), d <= nanos && b <= bytes + 1));
  }

  private static String describeKey(String mode) {
    int at = mode.indexOf('@');
    return at < 0 ? mode : mode.substring(0, at) + ", " + mode.substring(at + 1) + " spans per transaction";
  }

  /** The run's modes, each with its transaction size when the run has sizes. */
  private List<String> modeKeys() {
    List<String> keys = new ArrayList<>();
    for (String mode : MODES) {
      if (spanCounts.isEmpty()) {
        keys.add(mode);
      }
      for (String spans : spanCounts) {
        keys.add(mode + "@" + spans);
      }
    }
    return keys;
  }

  /** The hand-written block of {@code page}, markers included; empty when it has none. */
  static String breakdownOf(String page) {
    int start = page.indexOf(BREAKDOWN_START);
    int end = page.indexOf(BREAKDOWN_END);
    return start < 0 || end < start ? "" : page.substring(start, end + BREAKDOWN_END.length());
  }

  String page() {
    return page("");
  }

  /**
   * The page, keeping from {@code previous} (the page as it was) the hand-written breakdown and
   * each compile-time section this run did not measure: a run measures one of the two modes, or
   * none, and the other's last figures stay.
   */
  String pageKeeping(String previous) {
    String page = page(breakdownOf(previous));
    for (String[] markers :
        List.of(
            new String[] {CompileTimeReport.START, CompileTimeReport.END},
            new String[] {CompileTimeReport.PROCESS_START, CompileTimeReport.PROCESS_END})) {
      int start = previous.indexOf(markers[0]);
      int end = previous.indexOf(markers[1]);
      if (!page.contains(markers[0]) && start >= 0 && end > start) {
        String section = previous.substring(start, end + markers[1].length()) + "\n";
        page = CompileTimeReport.replaceSection(page, section);
      }
    }
    return page;
  }

  /** The page, with {@code breakdown} (a kept hand-written block) after the run-time tables. */
  String page(String breakdown) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append("Generated by `BenchmarkReport` from one run of the documented command; do not edit ")
        .append("by hand, except the breakdown block (between the `breakdown:start` and ")
        .append("`breakdown:end` comments), which a run keeps as it is. Re-run:\n\n```\n")
        .append("mvn -B -q -pl benchmarks -am verify -DskipTests -Dspanwise.benchmarks=run\n```\n\n");
    md.append(environment()).append('\n');
    md.append("## Targets\n\n| target | measured | |\n|---|---|---|\n");
    for (Target target : targets()) {
      if (target.measured().contains("NaN")) {
        // A run of some benchmarks only (JMH's include and -p options): nothing to judge.
        md.append("| ").append(target.what()).append(" | not in this run | |\n");
        continue;
      }
      md.append("| ").append(target.what()).append(" | ").append(target.measured()).append(" | ")
          .append(target.met() ? "met" : "**missed**").append(" |\n");
    }
    List<String> noisy = new ArrayList<>();
    scores.forEach((key, score) -> {
      if (!(score.error() <= score.nanos() * STEADY_ERROR)) {
        noisy.add("`" + key + "`");
      }
    });
    if (!noisy.isEmpty()) {
      md.append("\nNot steady in this run (99.9% error over ")
          .append(Math.round(STEADY_ERROR * 100))
          .append("% of the score, so the ratios built on them are less certain than they look): ")
          .append(String.join(", ", noisy)).append(".\n");
    }
    md.append('\n');
    for (String mode : modeKeys()) {
      if (score("unannotated", mode) == null && score("spanwiseWoven", mode) == null) {
        continue;
      }
      md.append("## Sentry ").append(describeMode(mode)).append("\n\n")
          .append("| variant | ns/op | ± | B/op | vs hand-written | vs un-annotated |\n")
          .append("|---|---:|---:|---:|---:|---:|\n");
      for (String variant : LABELS.keySet()) {
        Score s = score(variant, mode);
        if (s == null) {
          continue;
        }
        boolean loadTime = variant.equals("spanwiseLoadTimeWoven") || variant.startsWith("ltw");
        String baseline = variant.equals("sentrySpanSpringProxy") ? "handWrittenLikeSentrySpan"
            : loadTime ? "ltwHandWritten" : "handWritten";
        String plain = loadTime ? "ltwUnannotated" : "unannotated";
        md.append("| ").append(LABELS.get(variant))
            .append(" | ").append(fmt("%.1f", s.nanos()))
            .append(" | ").append(fmt("%.1f", s.error()))
            .append(" | ").append(fmt("%.0f", s.bytes()))
            .append(" | ").append(fmt("%.2fx", ratio(variant, baseline, mode)))
            .append(variant.equals("sentrySpanSpringProxy") ? " (its own floor)" : "")
            .append(" | ").append(fmt("%+.1f ns", delta(variant, plain, mode)))
            .append(" |\n");
      }
      md.append('\n');
    }
    md.append("## The other mechanisms, each against its own hand-written floor\n\n")
        .append("| mechanism | ns/op | B/op | its hand-written floor | ratio |\n")
        .append("|---|---:|---:|---:|---:|\n");
    mechanism(md, "Spanwise, ajc woven", "spanwiseWoven", "handWritten", "sampled");
    mechanism(md, "Spanwise, Spring proxy", "spanwiseSpringProxy", "handWritten", "sampled");
    mechanism(md, "Sentry `@SentrySpan`", "sentrySpanSpringProxy", "handWrittenLikeSentrySpan",
        "sampled");
    mechanism(md, "OpenTelemetry `@WithSpan`", "otelWithSpanSpringProxy", "otelHandWritten", null);
    md.append('\n');
    if (!breakdown.isEmpty()) {
      md.append(breakdown).append("\n\n");
    }
    md.append(compileSection());
    md.append(METHOD);
    return md.toString();
  }

  private void mechanism(StringBuilder md, String label, String variant, String floor, String mode) {
    Score s = score(variant, mode);
    Score f = score(floor, mode);
    if (s == null || f == null) {
      return;
    }
    md.append("| ").append(label).append(" | ").append(fmt("%.1f", s.nanos())).append(" | ")
        .append(fmt("%.0f", s.bytes())).append(" | ").append(fmt("%.1f ns", f.nanos()))
        .append(" | ").append(fmt("%.2fx", s.nanos() / f.nanos())).append(" |\n");
  }

  private String compileSection() {
    String section = CompileTimeReport.section(compile);
    return section.isEmpty() ? "" : section + "\n";
  }

  private String environment() {
    StringBuilder env = new StringBuilder();
    env.append("- Date: ").append(LocalDate.now(ZoneOffset.UTC)).append('\n');
    if (firstRun != null) {
      env.append("- JDK: ").append(firstRun.path("vmName").asString()).append(' ')
          .append(firstRun.path("jdkVersion").asString()).append(" (")
          .append(firstRun.path("vmVersion").asString()).append(")\n")
          .append("- JMH ").append(firstRun.path("jmhVersion").asString()).append(": ")
          .append(firstRun.path("forks").asInt())
          .append(firstRun.path("forks").asInt() == 1 ? " fork, " : " forks, ")
          .append(firstRun.path("warmupIterations").asInt()).append(" × ")
          .append(firstRun.path("warmupTime").asString()).append(" warm-up, ")
          .append(firstRun.path("measurementIterations").asInt()).append(" × ")
          .append(firstRun.path("measurementTime").asString())
          .append(" measurement, 1 thread, `-prof gc`\n");
    }
    env.append("- Machine: ").append(cpu()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(" (shared with other builds: compare the ratios, not the absolute numbers)\n");
    env.append("- Load average when the report was written: ").append(loadAverage()).append('\n');
    return env.toString();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2] + " (1, 5, 15 min)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpu() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      try (Stream<String> lines = Files.lines(cpuinfo)) {
        return lines.filter(l -> l.startsWith("model name")).findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
      } catch (IOException e) {
        return "unknown CPU";
      }
    }
    return "unknown CPU";
  }

  private static String describeMode(String key) {
    int at = key.indexOf('@');
    String mode = at < 0 ? key : key.substring(0, at);
    String size = at < 0 ? "" : ", " + key.substring(at + 1) + " spans per transaction";
    return describeBareMode(mode) + size;
  }

  private static String describeBareMode(String mode) {
    return switch (mode) {
      case "sampled" -> "sampled: every call records its span";
      case "unsampled" -> "not sampled: the parent transaction's decision is no";
      default -> "not initialised";
    };
  }

  /** The README's section between the markers, replaced by a short table of this run. */
  String withReadmeTable(String readme) {
    int start = readme.indexOf(README_START);
    int end = readme.indexOf(README_END);
    if (start < 0 || end < start) {
      throw new IllegalStateException("README has no " + README_START + " … " + README_END);
    }
    StringBuilder table = new StringBuilder(README_START).append('\n');
    table.append("| per call | sampled | not sampled | Sentry off |\n|---|---:|---:|---:|\n");
    for (String variant :
        List.of("unannotated", "handWritten", "spanwiseWoven", "spanwiseSpringProxy",
            "sentrySpanSpringProxy")) {
      table.append("| ").append(LABELS.get(variant));
      for (String mode : MODES) {
        Score s = score(variant, mode);
        table.append(" | ").append(s == null ? "" : fmt("%.0f ns, %.0f B", s.nanos(), s.bytes()));
      }
      table.append(" |\n");
    }
    table.append('\n').append(fmt(
        "Spanwise woven by ajc costs %.2fx the hand-written span when sampled (%.2fx not sampled); "
            + "OpenTelemetry's `@WithSpan` costs %.2fx its own hand-written span.",
        ratio("spanwiseWoven", "handWritten", "sampled"),
        ratio("spanwiseWoven", "handWritten", "unsampled"),
        ratio("otelWithSpanSpringProxy", "otelHandWritten", null)));
    if (CompileTimeReport.isResult(compile)) {
      table.append(fmt(" The processor costs %.2fx what a no-op processor costs javac on a"
          + " realistic code base.", CompileTimeReport.realisticRatio(compile)));
    }
    boolean noisy = scores.values().stream()
        .anyMatch(score -> !(score.error() <= score.nanos() * STEADY_ERROR));
    if (noisy) {
      table.append(" Some figures of this run were noisy (a shared machine), which the ratios inherit:"
          + " the page lists them.");
    }
    table.append(" Details, targets and method: `docs/benchmarks.md`.\n");
    return readme.substring(0, start) + table + readme.substring(end);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static final String METHOD =
      """
      ## What is measured, and how

      - The method: `charge(String provider, long amount, Cart cart)` with two `@SpanAttribute`
        parameters and one path attribute (`cart.item_count` from `items.size`); its body is a
        few additions, so what is measured is the tracing around it. Every variant records the
        same span (op, description, origin, the three attributes, status `ok`, current during the
        call) except where a mechanism cannot: `@SentrySpan` records no attributes and does not
        make its span current, so it is also compared with a hand-written span doing just that;
        OpenTelemetry's `@SpanAttribute` has no path, so its method sets the third attribute in
        its body (and the starter's aspect adds `code.*` attributes of its own).
      - Spanwise is compiled with `spanwise-processor` (which only checks; the recommended set-up);
        the "no processor" variant is the same class compiled without it. The Spring variants run in a
        Spring Boot application with only the mechanism's auto-configuration, through one CGLIB
        proxy each; the Spring floor is an empty `MethodInterceptor` (it only proceeds) on the
        same kind of proxy, in the same application.
      - Every call runs inside a parent transaction renewed every 10, 100 or 900 calls (the spans
        per transaction, a JMH parameter; OpenTelemetry's parent span every 256 calls), so no
        transaction grows without bound (Sentry keeps at most 1000 spans).
        The renewal is paid by every variant alike, amortised: finishing a transaction hands it
        to Sentry's transport on the calling thread, and the benchmarks' transport
        (`SentryCount`) counts envelopes and drops them, so no serialisation or network is
        measured. OpenTelemetry's SDK comes from its Spring Boot starter, always sampling, every
        exporter `none`.
      - Not sampled: the parent's sampling decision is no. Not initialised: `Sentry.init` never
        ran. "vs un-annotated" is the difference to the plain method in the same mode.
      - ns/op: JMH average time; B/op: `gc.alloc.rate.norm` from `-prof gc`. Only numbers from the
        same run are compared; the machine is shared, so absolute numbers move between runs.
      """;
}
