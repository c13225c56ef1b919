package dev.spanwise.conventions;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The builders as users call them, {@code Spans.current().attribute(Http.requestHeader("accept"),
 * values)}, compiled against the real {@code SentryAttributes} class files with Spanwise's
 * processor: it reads each builder's {@code @AttributeTemplate} from them and checks the name.
 */
class BuiltNamesInCallsTest {

  /** {@code Spans} and {@code SpanHandle} as the aspect has them (it is not on this class path). */
  static final List<JavaFileObject> SPANS = List.of(
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

  private static Compilation compile(JavaFileObject source) {
    List<JavaFileObject> sources = new ArrayList<>(SPANS);
    sources.add(source);
    return Compiler.javac()
        .withProcessors(ServiceLoader.load(Processor.class).findFirst().orElseThrow())
        .compile(sources);
  }

  @Test
  void headerBuiltWithAConstantKeyIsCheckedAsItsName() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Client",
        "package shop;",
        "",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Http;",
        "import java.util.List;",
        "",
        "class Client {",
        "  void send(String accept, String contentType) {",
        "    Spans.current().attribute(Http.requestHeader(\"accept\"), List.of(accept));",
        "    Spans.current().attribute(Http.requestHeader(\"content-type\"),",
        "        contentType);",
        "  }",
        "}");

    Compilation compilation = compile(source);

    // http.request.header.<key> is a string[]: a list passes, a String does not.
    assertThat(compilation).hadErrorContaining("[Spanwise:TYPE_MISMATCH]")
        .inFile(source).onLineContaining("contentType);");
    assertThat(compilation).hadErrorContaining("'http.request.header.content-type' is a string[]");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningContaining(
            "[Spanwise:PERSONAL_DATA] Spans.current().attribute name may carry personal data in"
                + " Sentry's conventions: 'http.request.header.accept'")
        .inFile(source).onLineContaining("\"accept\"");
  }

  @Test
  void everyBuildersFamilyIsKnownToTheProcessorWithItsType() throws Exception {
    // boolean[] fits none of the families' types, so each known family reports its mismatch.
    List<String> templates = new ArrayList<>();
    List<String> lines = new ArrayList<>(List.of(
        "package shop;",
        "",
        "import dev.spanwise.Spans;",
        "",
        "@SuppressWarnings(\"deprecation\")",
        "class Everything {",
        "  void record(String key, boolean[] flags) {"));
    for (Method builder : builders()) {
      templates.add(builder.getAnnotation(AttributeTemplate.class).value());
      lines.add("    Spans.current().attribute(" + builder.getDeclaringClass().getCanonicalName() + "."
          + builder.getName() + "(key), flags);");
    }
    lines.add("  }");
    lines.add("}");
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Everything", lines.toArray(new String[0]));

    Compilation compilation = compile(source);

    assertThat(templates).isNotEmpty();
    for (String template : templates) {
      assertThat(compilation).hadErrorContaining(
          "[Spanwise:TYPE_MISMATCH] Spans.current().attribute '" + template + "' is ");
    }
    assertThat(compilation).hadErrorCount(templates.size());
  }

  private static List<Method> builders() {
    List<Method> builders = new ArrayList<>();
    for (Class<?> type : SentryAttributes.class.getDeclaredClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers()) && method.isAnnotationPresent(AttributeTemplate.class)) {
          builders.add(method);
        }
      }
    }
    return builders;
  }
}
