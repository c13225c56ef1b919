package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** A value of the wrong type for a built name's family: an error on the value, naming the fix. */
class BuiltNamesErrorsTest {

  private static final String SUBJECT = SpanHandleCalls.SUBJECT;

  private static final String STRINGS = JavaTypes.suggestion(ValueType.parse("string[]"));
  private static final String INTEGER = JavaTypes.suggestion(ValueType.parse("integer"));

  @Test
  void wrongValueTypeIsAnErrorOnTheValueArgument() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Client",
        "package shop;",
        "import dev.spanwise.Spans;",
        "import dev.spanwise.conventions.SentryAttributes.Http;",
        "import dev.spanwise.conventions.SentryAttributes.Mcp;",
        "class Client {",
        "  void send(String acceptText, String header, String headerText, String sizeText) {",
        "    Spans.current().attribute(Http.requestHeader(\"accept\"),",
        "        acceptText);",
        "    Spans.current().attribute(Http.requestHeader(header),",
        "        headerText);",
        "    Spans.current().attribute(Mcp.toolResultDataSize(\"0\"),",
        "        sizeText);",
        "  }",
        "}");

    Compilation compilation = javac().compile(Compilations.with(BuiltNameSources.conventions(), source));

    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format(SUBJECT,
            "http.request.header.accept", "a string[]", "Sentry", "String", STRINGS, Message.Hint.NONE))
        .inFile(source).onLineContaining("acceptText);");
    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format(SUBJECT,
            "http.request.header.<key>", "a string[]", "Sentry", "String", STRINGS, Message.Hint.NONE))
        .inFile(source).onLineContaining("headerText);");
    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format(SUBJECT,
            "mcp.tool.result.0.data_size", "an integer", "Sentry", "String", INTEGER, Message.Hint.NONE))
        .inFile(source).onLineContaining("sizeText);");
    assertThat(compilation).hadErrorCount(3);
  }
}
