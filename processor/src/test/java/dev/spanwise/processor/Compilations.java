package dev.spanwise.processor;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** The shared compiler, and the sources tests compile beside their own. */
final class Compilations {

  private Compilations() {}

  /** javac with the processor; the annotations on the class path. */
  static Compiler javac(String... options) {
    return Compiler.javac().withProcessors(new SpanwiseProcessor()).withOptions((Object[]) options);
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
