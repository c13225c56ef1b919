package dev.spanwise.conventions;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every constant, written where users write it, passes the processor's name rules: Sentry's own
 * spellings that are not lowercase dot-separated segments ({@code
 * http.response.header.content-length}, the camelCase {@code replayId}) are Sentry's names, not
 * typos of the user's.
 */
class ConstantsInCallsTest {

  @Test
  void everyConstantIsANameTheProcessorAccepts() {
    List<String> lines = new ArrayList<>(List.of(
        "package shop;",
        "",
        "import dev.spanwise.Spans;",
        "",
        "@SuppressWarnings(\"deprecation\")",
        "class Everything {",
        // An Object value has no static type to check: only the names are.
        "  void record(Object value) {"));
    int constants = 0;
    for (Class<?> type : types()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isPublic(field.getModifiers()) && Modifier.isStatic(field.getModifiers())) {
          lines.add("    Spans.current().attribute(" + type.getCanonicalName() + "." + field.getName()
              + ", value);");
          constants++;
        }
      }
    }
    lines.add("  }");
    lines.add("}");
    List<JavaFileObject> sources = new ArrayList<>(BuiltNamesInCallsTest.SPANS);
    sources.add(JavaFileObjects.forSourceLines("shop.Everything", lines.toArray(new String[0])));

    Compilation compilation = Compiler.javac()
        .withProcessors(ServiceLoader.load(Processor.class).findFirst().orElseThrow())
        .compile(sources);

    assertThat(constants).isGreaterThan(900);
    assertThat(compilation).succeeded();
  }

  private static List<Class<?>> types() {
    List<Class<?>> types = new ArrayList<>(List.of(SentryAttributes.class));
    types.addAll(List.of(SentryAttributes.class.getDeclaredClasses()));
    return types;
  }
}
