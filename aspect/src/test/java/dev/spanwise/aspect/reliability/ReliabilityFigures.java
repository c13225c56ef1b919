package dev.spanwise.aspect.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures one reliability test measured, written to {@code target/reliability/<name>.properties}
 * for {@link ReliabilityReport} to render into {@code docs/reliability.md}.
 */
public final class ReliabilityFigures {

  /** Where the tests write their figures: surefire runs in the module's directory. */
  static final Path DIRECTORY = Path.of("target", "reliability");

  private final String name;
  private final Map<String, String> values = new LinkedHashMap<>();

  private ReliabilityFigures(String name) {
    this.name = name;
  }

  /** Figures to be written as {@code target/reliability/<name>.properties}. */
  public static ReliabilityFigures of(String name) {
    return new ReliabilityFigures(name);
  }

  /** Adds one figure; returns this. */
  public ReliabilityFigures put(String key, Object value) {
    values.put(key, String.valueOf(value));
    return this;
  }

  /** Writes the figures with the machine they were measured on; a test calls it once it passed. */
  public void write() {
    put("java.version", System.getProperty("java.version"));
    put("java.vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
    put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    put("cores", Runtime.getRuntime().availableProcessors());
    put("heap.max.mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    put("gc", gcNames());
    put("measured.at", Instant.now().truncatedTo(ChronoUnit.SECONDS));
    StringBuilder text = new StringBuilder("# Figures of a reliability test run (see ReliabilityReport)\n");
    values.forEach(
        (key, value) ->
            text.append(key).append('=').append(value.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n'));
    try {
      Files.createDirectories(DIRECTORY);
      Files.writeString(DIRECTORY.resolve(name + ".properties"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String gcNames() {
    StringBuilder names = new StringBuilder();
    ManagementFactory.getGarbageCollectorMXBeans()
        .forEach(gc -> names.append(names.length() == 0 ? "" : ", ").append(gc.getName()));
    return names.toString();
  }
}
