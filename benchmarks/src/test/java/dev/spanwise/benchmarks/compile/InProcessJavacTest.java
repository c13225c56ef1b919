package dev.spanwise.benchmarks.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process compile benchmark measures the processor as a build runs it: loaded anew for each
 * compilation, even though this JVM's class path holds it too (as the benchmark's does).
 */
class InProcessJavacTest {

  @Test
  void eachCompilationLoadsTheProcessorInAClassLoaderOfItsOwn(@TempDir Path work) throws Exception {
    Path source = Files.writeString(work.resolve("Plain.java"), "class Plain {}");
    Path sources = Files.write(work.resolve("sources.txt"), List.of(source.toString()));
    Path processorPath =
        Path.of(LoaderProbeProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> arguments = List.of("-d", work.resolve("out").toString(),
        "-processorpath", processorPath.toString(),
        "-processor", LoaderProbeProcessor.class.getName(), "@" + sources);

    InProcessJavac.time(arguments, "first");
    String first = System.getProperty(LoaderProbeProcessor.PROPERTY);
    InProcessJavac.time(arguments, "second");
    String second = System.getProperty(LoaderProbeProcessor.PROPERTY);

    assertThat(first).startsWith("processor-path@");
    assertThat(second).startsWith("processor-path@").isNotEqualTo(first);
    assertThat(Files.exists(work.resolve("out/Plain.class"))).isTrue();
  }
}
