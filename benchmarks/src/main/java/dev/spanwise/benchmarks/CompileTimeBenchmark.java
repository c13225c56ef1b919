package dev.spanwise.benchmarks;

import dev.spanwise.annotations.Span;
import io.sentry.Sentry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the processor adds to javac: a generated source set of {@code classes} classes with five
 * {@code @Span} methods each, compiled by a fresh javac process with the processor and without it
 * ({@code -proc:none}), whole-process wall time. The two alternate, round after round, so that the
 * load of a shared machine falls on both alike; the result is the ratio of the medians.
 *
 * <p>Not a JMH benchmark: a javac process is one long shot, and JMH would run all rounds of one
 * variant before the other.
 */
public final class CompileTimeBenchmark {

  /** The processor's class, named explicitly so that javac runs it and nothing else. */
  static final String PROCESSOR = "dev.spanwise.processor.SpanwiseProcessor";

  private final Path workDir;
  private final int classes;
  private final int rounds;
  private final int warmups;

  CompileTimeBenchmark(Path workDir, int classes, int rounds, int warmups) {
    this.workDir = workDir;
    this.classes = classes;
    this.rounds = rounds;
    this.warmups = warmups;
  }

  /** The medians, every run's time, and their ratio. */
  record Result(
      int classes, int methodsPerClass, int rounds, List<Long> withoutMillis,
      List<Long> withMillis, double medianWithoutMillis, double medianWithMillis, double ratio) {}

  /**
   * Arguments: the JSON file to write, then optionally classes (500), rounds (7) and untimed
   * warm-up runs of each variant (1).
   */
  public static void main(String[] args) throws Exception {
    Path output = Path.of(args[0]);
    int classes = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Files.createDirectories(output.toAbsolutePath().getParent());
    Path work = Files.createTempDirectory("spanwise-compile-bench");
    Result result;
    try {
      result = new CompileTimeBenchmark(work, classes, rounds, warmups).run();
    } finally {
      deleteRecursively(work);
    }
    write(result, output);
    System.out.printf(
        "javac %d classes: without processor %.0f ms, with %.0f ms (median of %d): %.3fx%n",
        classes, result.medianWithoutMillis(), result.medianWithMillis(), rounds, result.ratio());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  static void write(Result result, Path output) throws IOException {
    Files.writeString(output, JsonMapper.builder().build().writeValueAsString(result));
  }

  Result run() throws IOException, InterruptedException {
    Path sources = workDir.resolve("src");
    List<Path> files = SourceSet.write(sources, classes);
    Path argFile = workDir.resolve("sources.txt");
    Files.write(argFile, files.stream().map(Path::toString).collect(Collectors.toList()));
    String classPath = pathOf(Span.class, Sentry.class);
    String processorPath = pathOf(Span.class, processorClass());

    List<String> without = javac(classPath, "@" + argFile, "-proc:none");
    List<String> with =
        javac(classPath, "@" + argFile, "-processorpath", processorPath, "-processor", PROCESSOR);
    // Untimed runs first: the file system cache, javac's own class data.
    for (int i = 0; i < warmups; i++) {
      time(with, "warm-with");
      time(without, "warm-without");
    }
    List<Long> withoutMillis = new ArrayList<>();
    List<Long> withMillis = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      // Alternate which goes first, so neither always follows the other.
      if (round % 2 == 0) {
        withoutMillis.add(time(without, "without"));
        withMillis.add(time(with, "with"));
      } else {
        withMillis.add(time(with, "with"));
        withoutMillis.add(time(without, "without"));
      }
    }
    double medianWithout = median(withoutMillis);
    double medianWith = median(withMillis);
    return new Result(
        classes, SourceSet.METHODS_PER_CLASS, rounds, withoutMillis, withMillis, medianWithout,
        medianWith, medianWith / medianWithout);
  }

  private List<String> javac(String classPath, String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(List.of("--release", "17", "-nowarn", "-cp", classPath));
    command.addAll(Arrays.asList(options));
    return command;
  }

  private long time(List<String> javac, String label) throws IOException, InterruptedException {
    Path out = workDir.resolve("out-" + label);
    Path generated = workDir.resolve("gen-" + label);
    Files.createDirectories(out);
    Files.createDirectories(generated);
    List<String> command = new ArrayList<>(javac);
    command.addAll(List.of("-d", out.toString(), "-s", generated.toString()));
    Path log = workDir.resolve("javac-" + label + ".log");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (exit != 0) {
      throw new IllegalStateException(
          "javac (" + label + ") failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
    return millis;
  }

  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
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
    Map<String, Boolean> entries = new LinkedHashMap<>();
    for (Class<?> type : types) {
      try {
        entries.put(
            Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
            true);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return String.join(java.io.File.pathSeparator, entries.keySet());
  }

  /** The generated sources: plain services, five traced methods each, in packages of 50. */
  static final class SourceSet {

    static final int METHODS_PER_CLASS = 5;

    private SourceSet() {}

    static List<Path> write(Path root, int classes) {
      try {
        List<Path> files = new ArrayList<>();
        Path common = root.resolve("gen/common");
        Files.createDirectories(common);
        files.add(
            write(
                common.resolve("Order.java"),
                "package gen.common;\n\n"
                    + "import java.util.List;\n\n"
                    + "public record Order(String id, List<String> items, Customer customer) {}\n"));
        files.add(
            write(
                common.resolve("Customer.java"),
                "package gen.common;\n\npublic record Customer(String tier, int visits) {}\n"));
        for (int i = 0; i < classes; i++) {
          String pkg = "gen.p" + (i / 50);
          Path dir = root.resolve(pkg.replace('.', '/'));
          Files.createDirectories(dir);
          files.add(write(dir.resolve("Service" + i + ".java"), service(pkg, i)));
        }
        return files;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Path write(Path file, String source) throws IOException {
      Files.writeString(file, source);
      return file;
    }

    static String service(String pkg, int i) {
      return """
          package %1$s;

          import dev.spanwise.annotations.ResultAttribute;
          import dev.spanwise.annotations.Span;
          import dev.spanwise.annotations.SpanAttribute;
          import gen.common.Order;
          import java.util.List;

          public class Service%2$d {

            @Span(op = "commerce.payment", name = "Charge %2$d")
            public int charge(@SpanAttribute("payment.provider") String provider,
                              @SpanAttribute("payment.amount") long amount,
                              @SpanAttribute(value = "cart.item_count", path = "items.size") Order order) {
              return provider.length() + (int) amount + order.items().size();
            }

            @Span(op = "db.query")
            public List<String> find(@SpanAttribute("db.collection.name") String table,
                                     @SpanAttribute("db.query.text") String query) {
              return List.of(table, query);
            }

            @Span(op = "http.client", name = "Fetch %2$d")
            @ResultAttribute(value = "http.response.status_code")
            public int fetch(@SpanAttribute("http.request.method") String method,
                             @SpanAttribute("url.full") String url) {
              return method.length() + url.length();
            }

            @Span(op = "cache.get")
            public boolean cached(@SpanAttribute("cache.key") List<String> keys,
                                  @SpanAttribute(value = "customer.tier", path = "customer.tier") Order order) {
              return keys.contains(order.id());
            }

            @Span(op = "function")
            @ResultAttribute(value = "order.id", path = "id")
            public Order place(@SpanAttribute(value = "customer.visits", path = "customer.visits") Order order,
                               @SpanAttribute("order.priority") boolean priority) {
              return priority ? order : null;
            }
          }
          """
          .formatted(pkg, i);
    }
  }
}
