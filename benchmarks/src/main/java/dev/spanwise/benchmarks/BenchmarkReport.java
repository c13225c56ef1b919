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

  /** Most a Spanwise call may cost over the hand-written span. */
  static final double WOVEN_RATIO_TARGET = 1.10;
  /** Most a call that records nothing may cost over the un-annotated call, in ns. */
  static final double IDLE_NANOS_TARGET = 50;

  static final List<String> MODES = List.of("sampled", "unsampled", "off");

  private static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("unannotated", "un-annotated method");
    LABELS.put("handWritten", "hand-written Sentry span");
    LABELS.put("spanwiseWoven", "Spanwise, ajc build-time woven");
    LABELS.put("spanwiseWovenReflective", "Spanwise, ajc woven, reflective fallback (no processor)");
    LABELS.put("spanwiseSpringProxy", "Spanwise, Spring proxy (auto-configuration)");
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
  private final JsonNode compile;
  private final JsonNode firstRun;

  BenchmarkReport(JsonNode jmh, JsonNode compile) {
    this.scores = new LinkedHashMap<>();
    for (JsonNode run : jmh) {
      String method = run.get("benchmark").asString();
      method = method.substring(method.lastIndexOf('.') + 1);
      JsonNode params = run.get("params");
      String key = params != null && params.has("sentry")
          ? method + "@" + params.get("sentry").asString()
          : method;
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

  public static void main(String[] args) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode jmh = mapper.readTree(Files.readString(Path.of(args[0])));
    Path compilePath = Path.of(args[1]);
    JsonNode compile = Files.exists(compilePath)
        ? mapper.readTree(Files.readString(compilePath))
        : mapper.createObjectNode();
    BenchmarkReport report = new BenchmarkReport(jmh, compile);
    Path page = Path.of(args[2]);
    Files.createDirectories(page.toAbsolutePath().getParent());
    Files.writeString(page, report.page());
    if (args.length > 3) {
      Path readme = Path.of(args[3]);
      Files.writeString(readme, report.withReadmeTable(Files.readString(readme)));
    }
    for (Target target : report.targets()) {
      System.out.printf("%s %s: %s%n", target.met() ? "MET   " : "MISSED", target.what(),
          target.measured());
    }
  }

  Score score(String benchmark, String mode) {
    return scores.get(mode == null ? benchmark : benchmark + "@" + mode);
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

  List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (String mode : List.of("sampled", "unsampled")) {
      double r = ratio("spanwiseWoven", "handWritten", mode);
      targets.add(new Target(
          "Spanwise (ajc) within " + WOVEN_RATIO_TARGET + "x of hand-written, " + mode,
          fmt("%.2fx", r), r <= WOVEN_RATIO_TARGET));
    }
    double proxy = ratio("spanwiseSpringProxy", "sentrySpanSpringProxy", "sampled");
    targets.add(new Target(
        "Spanwise Spring proxy no slower than `@SentrySpan` (sampled)",
        fmt("%.2fx", proxy), proxy <= 1.0));
    for (String mode : List.of("sampled", "unsampled")) {
      Score woven = score("spanwiseWoven", mode);
      Score hand = score("handWritten", mode);
      if (woven != null && hand != null) {
        // gc.alloc.rate.norm carries the amortised parent renewal too: 1% of slack for that.
        boolean met = woven.bytes() <= hand.bytes() * 1.01 + 1;
        targets.add(new Target(
            "Spanwise (ajc) allocates no more than hand-written, " + mode,
            fmt("%.0f vs %.0f B/op", woven.bytes(), hand.bytes()), met));
      }
    }
    for (String mode : List.of("unsampled", "off")) {
      for (String variant : List.of("spanwiseWoven", "spanwiseSpringProxy")) {
        double d = delta(variant, "unannotated", mode);
        targets.add(new Target(
            LABELS.get(variant) + " within " + (int) IDLE_NANOS_TARGET
                + " ns of un-annotated, " + mode,
            fmt("%+.1f ns", d), d <= IDLE_NANOS_TARGET));
      }
    }
    for (CompileTimeReport.Bar bar : CompileTimeReport.bars(compile)) {
      targets.add(new Target(bar.what(), bar.measured(), bar.met()));
    }
    return targets;
  }

  String page() {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append("Generated by `BenchmarkReport` from one run of the documented command; do not edit ")
        .append("by hand. Re-run:\n\n```\n")
        .append("mvn -B -q -pl benchmarks -am verify -DskipTests -Dspanwise.benchmarks=run\n```\n\n");
    md.append(environment()).append('\n');
    md.append("## Targets\n\n| target | measured | |\n|---|---|---|\n");
    for (Target target : targets()) {
      md.append("| ").append(target.what()).append(" | ").append(target.measured()).append(" | ")
          .append(target.met() ? "met" : "**missed**").append(" |\n");
    }
    List<String> noisy = new ArrayList<>();
    scores.forEach((key, score) -> {
      if (!(score.error() <= score.nanos() * 0.5)) {
        noisy.add("`" + key + "`");
      }
    });
    if (!noisy.isEmpty()) {
      md.append("\nNoisy in this run (99.9% error over half the score, so the ratios built on them ")
          .append("are not reliable; re-run with more forks on a quiet machine): ")
          .append(String.join(", ", noisy)).append(".\n");
    }
    md.append('\n');
    for (String mode : MODES) {
      md.append("## Sentry ").append(describeMode(mode)).append("\n\n")
          .append("| variant | ns/op | ± | B/op | vs hand-written | vs un-annotated |\n")
          .append("|---|---:|---:|---:|---:|---:|\n");
      for (String variant : LABELS.keySet()) {
        Score s = score(variant, mode);
        if (s == null) {
          continue;
        }
        String baseline = variant.equals("sentrySpanSpringProxy") ? "handWrittenLikeSentrySpan"
            : "handWritten";
        md.append("| ").append(LABELS.get(variant))
            .append(" | ").append(fmt("%.1f", s.nanos()))
            .append(" | ").append(fmt("%.1f", s.error()))
            .append(" | ").append(fmt("%.0f", s.bytes()))
            .append(" | ").append(fmt("%.2fx", ratio(variant, baseline, mode)))
            .append(variant.equals("sentrySpanSpringProxy") ? " (its own floor)" : "")
            .append(" | ").append(fmt("%+.1f ns", delta(variant, "unannotated", mode)))
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
          .append(firstRun.path("forks").asInt()).append(" fork, ")
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
    return env.toString();
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

  private static String describeMode(String mode) {
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
    boolean noisy = scores.values().stream().anyMatch(score -> !(score.error() <= score.nanos() * 0.5));
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
      - Spanwise is compiled with `spanwise-processor` (generated binders, the recommended set-up);
        the reflective fallback is a class compiled without it. The Spring variants run in a
        Spring Boot application with only the mechanism's auto-configuration, through one CGLIB
        proxy each.
      - Every call runs inside a parent transaction (a parent span for OpenTelemetry) renewed
        every 256 calls, so no transaction grows without bound (Sentry keeps at most 1000 spans).
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
