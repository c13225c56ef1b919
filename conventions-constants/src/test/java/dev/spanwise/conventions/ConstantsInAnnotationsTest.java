package dev.spanwise.conventions;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.Locale;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The constants as users write them: in {@code @SpanAttribute} and {@code @ResultAttribute}, with
 * Spanwise's processor (found as javac finds it, through its service file) checking the names they
 * stand for. Deprecated constants draw javac's own warning.
 */
class ConstantsInAnnotationsTest {

  private static Compilation compile(JavaFileObject source) {
    return Compiler.javac()
        .withProcessors(ServiceLoader.load(Processor.class).findFirst().orElseThrow())
        .withOptions("-Xlint:deprecation")
        .compile(source);
  }

  @Test
  void constantsAreAnnotationValuesTheProcessorAccepts() {
    Compilation compilation = compile(JavaFileObjects.forSourceLines("shop.Chat",
        "package shop;",
        "",
        "import dev.spanwise.annotations.ResultAttribute;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "import dev.spanwise.conventions.SentryAttributes.GenAi;",
        "",
        "public class Chat {",
        "  @Span(op = \"gen_ai.chat\")",
        "  @ResultAttribute(GenAi.USAGE_OUTPUT_TOKENS)",
        "  public long chat(@SpanAttribute(GenAi.REQUEST_MODEL) String model,",
        "                   @SpanAttribute(GenAi.USAGE_INPUT_TOKENS) long tokens,",
        "                   @SpanAttribute(\"cart.item_count\") int items) {",
        "    return tokens;",
        "  }",
        "}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void deprecatedConstantDrawsJavacsWarningAndTheProcessorsWithTheReplacement() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Chat",
        "package shop;",
        "",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "import dev.spanwise.conventions.SentryAttributes;",
        "",
        "public class Chat {",
        "  @Span(op = \"gen_ai.chat\")",
        "  public void chat(@SpanAttribute(SentryAttributes.GenAi.SYSTEM) String provider) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("SYSTEM in dev.spanwise.conventions.SentryAttributes.GenAi has been deprecated")
        .inFile(source).onLineContaining("GenAi.SYSTEM");
    assertThat(compilation).hadWarningContaining("[Spanwise:DEPRECATED]")
        .inFile(source).onLineContaining("GenAi.SYSTEM");
    assertThat(compilation).hadWarningContaining("'gen_ai.provider.name'");
    // javac repeats its own warning in each processing round; the processor warns once.
    assertThat(compilation.warnings().stream()
            .map(warning -> warning.getMessage(Locale.ROOT))
            .filter(message -> !message.contains("has been deprecated")))
        .hasSize(1);
  }

  @Test
  void constantOfAnIntegerAttributeOnAStringFailsTheBuild() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Chat",
        "package shop;",
        "",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "import dev.spanwise.conventions.SentryAttributes.GenAi;",
        "",
        "public class Chat {",
        "  @Span(op = \"gen_ai.chat\")",
        "  public void chat(@SpanAttribute(GenAi.USAGE_INPUT_TOKENS) String tokens) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("[Spanwise:TYPE_MISMATCH]")
        .inFile(source).onLineContaining("GenAi.USAGE_INPUT_TOKENS");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void personalDataConstantDrawsTheProcessorsWarning() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Login",
        "package shop;",
        "",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "import dev.spanwise.conventions.SentryAttributes.User;",
        "",
        "public class Login {",
        "  @Span(op = \"function\")",
        "  public void login(@SpanAttribute(User.EMAIL) String email) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadWarningContaining("[Spanwise:PERSONAL_DATA]")
        .inFile(source).onLineContaining("User.EMAIL");
    assertThat(compilation).hadWarningCount(1);
  }
}
