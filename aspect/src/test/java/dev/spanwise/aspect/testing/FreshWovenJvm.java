package dev.spanwise.aspect.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a new JVM with the load-time weaver, the test classpath and the
 * build's JVM flags, for what one test JVM cannot show again once it has happened: Sentry never
 * initialised, a woven class loaded before the aspect's own.
 */
public final class FreshWovenJvm {

  private static final long TIMEOUT_SECONDS = 60;

  /** What the child printed (standard output and error, interleaved) and how it ended. */
  public record Outcome(boolean exited, int exitValue, String printed) {}

  private FreshWovenJvm() {}

  /** Runs {@code mainClass} with the given extra JVM flags, and waits up to a minute for it. */
  public static Outcome run(Class<?> mainClass, String... jvmFlags)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + System.getProperty("spanwise.test.weaver"));
    command.add("--add-opens");
    command.add("java.base/java.lang=ALL-UNNAMED");
    for (String flag : System.getProperty("spanwise.test.jvmFlags", "").trim().split("\\s+")) {
      if (!flag.isEmpty()) {
        command.add(flag);
      }
    }
    command.addAll(List.of(jvmFlags));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    File output = File.createTempFile("fresh-jvm", ".txt");
    output.deleteOnExit();
    Process child =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    boolean exited = child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly().waitFor();
    }
    String printed = Files.readString(output.toPath(), StandardCharsets.UTF_8);
    return new Outcome(exited, exited ? child.exitValue() : -1, printed);
  }
}
