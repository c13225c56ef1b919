package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Where a call's findings land: a wrong type on the value, the rest on the name. */
class SpanHandleCallsErrorsTest {

  private static final String SUBJECT = SpanHandleCalls.SUBJECT;

  @Test
  void wrongValueTypeIsAnErrorOnTheValueAndATypoOnTheName() {
    JavaFileObject source = JavaFileObjects.forSourceLines("shop.Agent",
        "package shop;",
        "import dev.spanwise.Spans;",
        "class Agent {",
        "  void reply(String tokensText, long tokens) {",
        "    Spans.current().attribute(\"gen_ai.usage.input_tokens\",",
        "        tokensText);",
        "    Spans.current().attribute(\"gen_ai.usage.total_token\",",
        "        tokens);",
        "  }",
        "}");

    Compilation compilation = javac().compile(Compilations.with(Compilations.spanHandleStub(), source));

    assertThat(compilation).hadErrorContaining(Message.TYPE_MISMATCH.format(SUBJECT,
            "gen_ai.usage.input_tokens", "an integer", "Sentry", "String",
            JavaTypes.suggestion(ValueType.parse("integer")), Message.Hint.NONE))
        .inFile(source).onLineContaining("tokensText);");
    assertThat(compilation).hadErrorContaining(Message.NEAR_MISS.format(SUBJECT,
            "gen_ai.usage.total_token", "gen_ai.usage.total_tokens", Message.Hint.CUSTOM_CALL))
        .inFile(source).onLineContaining("total_token\"");
    assertThat(compilation).hadErrorCount(2);
  }
}
