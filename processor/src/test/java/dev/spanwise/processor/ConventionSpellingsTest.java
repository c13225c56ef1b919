package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Names the conventions spell outside the lowercase-segments rule ({@code replayId}, {@code
 * http.response.header.content-length}) are known names: the generated constants hold them, so
 * they must get a known name's checks, not a syntax error.
 */
class ConventionSpellingsTest {

  @Test
  void theConventionsOwnSpellingsAreCheckedAsKnownNames() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Replays",
        "package shop;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "class Replays {",
        "  @Span(op = \"function\")",
        "  void replay(@SpanAttribute(\"replayId\") String replay,",
        "      @SpanAttribute(\"http.response.header.content-length\") String length,",
        "      @SpanAttribute(\"lcp.loadTime\") String loadTime) {}",
        "}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadWarningContaining(Message.DEPRECATED.format("@SpanAttribute", "Sentry",
            "replayId", "'sentry.replay_id'"))
        .inFile(source).onLineContaining("replayId");
    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format("@SpanAttribute",
            "lcp.loadTime", "an integer", "Sentry", "String", JavaTypes.suggestion(ValueType.parse("integer")),
            Message.Hint.PATH))
        .inFile(source).onLineContaining("lcp.loadTime");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void otherSpellingsLikeThemAndTemplatesAreStillSyntaxErrors() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Replays",
        "package shop;",
        "import dev.spanwise.annotations.Span;",
        "import dev.spanwise.annotations.SpanAttribute;",
        "class Replays {",
        "  @Span(op = \"function\")",
        "  void replay(@SpanAttribute(\"replayKind\") String kind,",
        "      @SpanAttribute(\"mcp.prompt.result.<key>.role\") String role) {}",
        "}");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(Message.NAME_SYNTAX.format("@SpanAttribute", "replayKind",
            "has capitals"))
        .inFile(source).onLineContaining("replayKind");
    // A family's template is listed among the conventions' names, but is no name to record.
    assertThat(compilation).hadErrorContaining(Message.NAME_SYNTAX.format("@SpanAttribute",
            "mcp.prompt.result.<key>.role", NameSyntax.problem("mcp.prompt.result.<key>.role").orElseThrow()))
        .inFile(source).onLineContaining("<key>");
    assertThat(compilation).hadErrorCount(2);
  }
}
