package dev.spanwise.processor;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** The shared compiler, and the sources tests compile beside their own. */
final class Compilations {

  private Compilations() {}

  /** javac with the processor; annotations only on the class path, so no binders. */
  static Compiler javac(String... options) {
    return Compiler.javac().withProcessors(new SpanwiseProcessor()).withOptions((Object[]) options);
  }

  /** The runtime's binding SPI, as real sources, so that the processor generates binders. */
  static List<JavaFileObject> bindingSpi() {
    Path dir = Path.of(System.getProperty("spanwise.bindingSources", "../aspect/src/main/java/dev/spanwise/binding"));
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        sources.add(JavaFileObjects.forSourceString(
            "dev.spanwise.binding." + file.getFileName().toString().replace(".java", ""),
            Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }

  /** A minimal {@code Spans}/{@code SpanHandle}, as the runtime will have them. */
  static List<JavaFileObject> spanHandleStub() {
    return List.of(
        JavaFileObjects.forSourceLines("dev.spanwise.SpanHandle",
            "package dev.spanwise;",
            "public interface SpanHandle {",
            "  SpanHandle attribute(String name, String value);",
            "  SpanHandle attribute(String name, long value);",
            "  SpanHandle attribute(String name, double value);",
            "  SpanHandle attribute(String name, boolean value);",
            "  SpanHandle attribute(String name, Object value);",
            "}"),
        JavaFileObjects.forSourceLines("dev.spanwise.Spans",
            "package dev.spanwise;",
            "public final class Spans {",
            "  public static SpanHandle current() { return null; }",
            "}"));
  }

  static List<JavaFileObject> with(List<JavaFileObject> first, JavaFileObject... more) {
    List<JavaFileObject> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }
}
