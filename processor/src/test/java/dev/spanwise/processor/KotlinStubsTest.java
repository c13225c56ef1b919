package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Kotlin seen through kapt: a {@code suspend fun} is a stub returning {@code Object} with a last
 * parameter {@code Continuation<? super T>}. Its result attributes are checked against {@code T}.
 * (kotlin-tests compiles real Kotlin through kapt with the processor.)
 */
class KotlinStubsTest {

  /** Kotlin's Continuation, as the stubs see it; no Kotlin on this module's class path. */
  private static final JavaFileObject CONTINUATION = JavaFileObjects.forSourceLines(
      "kotlin.coroutines.Continuation",
      "package kotlin.coroutines;",
      "public interface Continuation<T> {}");

  private static JavaFileObject stub(String... members) {
    String[] lines = new String[members.length + 5];
    lines[0] = "package shop;";
    lines[1] = "import dev.spanwise.annotations.*;";
    lines[2] = "public final class Payments {";
    lines[3] = "  public static final class Receipt { public String getId() { return null; } public long getAmount() { return 0; } }";
    System.arraycopy(members, 0, lines, 4, members.length);
    lines[members.length + 4] = "}";
    return JavaFileObjects.forSourceLines("shop.Payments", lines);
  }

  @Test
  void suspendFunctionResultAttributesResolveOnTheDeclaredKotlinReturnType() {
    JavaFileObject source = stub(
        "  @Span(op = \"commerce.payment\")",
        "  @ResultAttribute(value = \"payment.receipt_id\", path = \"id\", custom = true)",
        "  @ResultAttribute(value = \"payment.amount\", path = \"amount\", custom = true)",
        "  public java.lang.Object charge(@SpanAttribute(value = \"payment.provider\", custom = true) String provider,",
        "      kotlin.coroutines.Continuation<? super Receipt> $completion) { return null; }",
        "  @Span(op = \"commerce.payment\")",
        "  @ResultAttribute(value = \"payment.status\", custom = true)",
        "  public java.lang.Object status(kotlin.coroutines.Continuation<? super String> $completion) { return null; }");

    Compilation compilation = javac().compile(CONTINUATION, source);

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aResultPathMissingOnTheDeclaredKotlinReturnTypeIsAnErrorNamingThatType() {
    JavaFileObject source = stub(
        "  @Span(op = \"commerce.payment\")",
        "  @ResultAttribute(value = \"payment.total\", path = \"total\", custom = true)",
        "  public java.lang.Object charge(kotlin.coroutines.Continuation<? super Receipt> $completion) { return null; }");

    Compilation compilation = javac().compile(CONTINUATION, source);

    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@ResultAttribute",
            "payment.total", "total", "Payments.Receipt", "total",
            Message.typeHas(java.util.List.of("'getId'", "'getAmount'", "'id'", "'amount'"))))
        .inFile(source).onLineContaining("\"total\"");
    assertThat(compilation).hadErrorCount(1);
  }
}
