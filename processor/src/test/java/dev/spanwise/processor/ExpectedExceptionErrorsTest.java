package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;
import static dev.spanwise.processor.SpanwiseProcessorErrorsTest.shop;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @ExpectedException} and {@code Span.expected()}: only on a {@code @Span} method, statuses
 * Sentry knows, and checked exceptions the method can throw.
 */
class ExpectedExceptionErrorsTest {

  @Test
  void expectedExceptionOnAMethodWithoutSpanIsAnErrorOnTheAnnotation() {
    JavaFileObject source = shop(
        "  @ExpectedException(value = NoSuchElementException.class, status = \"not_found\")",
        "  Order find(String id) { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.ORPHAN_EXPECTED_EXCEPTION.format("find", "NoSuchElementException"))
        .inFile(source).onLineContaining("NoSuchElementException.class");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void statusOneTypoFromASentryStatusSuggestsIt() {
    JavaFileObject source = shop(
        "  @Span(op = \"db.query\")",
        "  @ExpectedException(value = NoSuchElementException.class, status = \"not_fond\")",
        "  Order find(@SpanAttribute(\"order.id\") String id) { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.EXPECTED_STATUS_NEAR_MISS.format("not_fond", "'not_found'"))
        .inFile(source).onLineContaining("\"not_fond\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void statusInCapitalsSuggestsItsLowercaseName() {
    JavaFileObject source = shop(
        "  @Span(op = \"db.query\")",
        "  @ExpectedException(value = NoSuchElementException.class, status = \"NOT_FOUND\")",
        "  Order find(String id) { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.EXPECTED_STATUS_NEAR_MISS.format("NOT_FOUND", "'not_found'"))
        .inFile(source).onLineContaining("\"NOT_FOUND\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void statusFarFromEverySentryStatusListsThemAll() {
    JavaFileObject source = shop(
        "  @Span(op = \"db.query\")",
        "  @ExpectedException(value = IllegalStateException.class)",
        "  @ExpectedException(value = NoSuchElementException.class, status = \"missing\")",
        "  Order find(String id) { return null; }");

    Compilation compilation = javac().compile(source);

    String statuses = ExpectedExceptionValidator.STATUSES.stream()
        .map(status -> "'" + status + "'").collect(Collectors.joining(", "));
    assertThat(compilation).hadErrorContaining(
            Message.EXPECTED_STATUS_UNKNOWN.format("missing", statuses))
        .inFile(source).onLineContaining("\"missing\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void checkedExceptionTheMethodDoesNotDeclareWarnsThatItIsNeverThrown() {
    JavaFileObject source = shop(
        "  @Span(op = \"file.read\")",
        "  @ExpectedException(value = java.io.IOException.class, status = \"unavailable\")",
        "  String read(String path) { return path; }",
        "  @Span(op = \"file.read\", expected = {IllegalStateException.class,"
            + " java.util.concurrent.TimeoutException.class})",
        "  String poll(String path) { return path; }",
        "  @Span(op = \"file.read\")",
        "  @ExpectedException(value = java.io.IOException.class, status = \"aborted\")",
        "  String declared(String path) throws java.io.FileNotFoundException { return path; }",
        "  @Span(op = \"file.read\", expected = java.io.IOException.class)",
        "  java.util.concurrent.CompletableFuture<String> later(String path) { return null; }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
            Message.EXPECTED_NEVER_THROWN.format("@ExpectedException", "IOException", "read"))
        .inFile(source).onLineContaining("\"unavailable\"");
    assertThat(compilation).hadWarningContaining(
            Message.EXPECTED_NEVER_THROWN.format("@Span expected", "TimeoutException", "poll"))
        .inFile(source).onLineContaining("TimeoutException.class");
    // A declared subclass can be thrown, and so can anything through a future.
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void checksOnAnInterfaceMethodAreTheChecksOnAClass() {
    JavaFileObject source = shop(
        "  interface Payments {",
        "    @Span(op = \"commerce.payment\")",
        "    void pay(@SpanAttribute(\"Payment Provider\") String provider);",
        "    @Span(op = \"commerce.refund\")",
        "    @ExpectedException(value = IllegalStateException.class, status = \"aborted\")",
        "    default void refund(@SpanAttribute(value = \"cart.tier\", path = \"customer.level\") Cart cart) {}",
        "    @ExpectedException(UnsupportedOperationException.class)",
        "    void cancel(String id);",
        "  }");

    Compilation compilation = javac().compile(source);

    assertThat(compilation).hadErrorContaining(
            Message.NAME_SYNTAX.format("@SpanAttribute", "Payment Provider", "has a space and capitals"))
        .inFile(source).onLineContaining("\"Payment Provider\"");
    assertThat(compilation).hadErrorContaining(Message.PATH_UNRESOLVED.format("@SpanAttribute",
            "cart.tier", "level", "Shop.Customer", "customer.level",
            Message.typeHas(java.util.List.of("'tier'"))))
        .inFile(source).onLineContaining("customer.level");
    assertThat(compilation).hadErrorContaining(
            Message.ORPHAN_EXPECTED_EXCEPTION.format("cancel", "UnsupportedOperationException"))
        .inFile(source).onLineContaining("UnsupportedOperationException.class");
    assertThat(compilation).hadErrorCount(3);
  }
}
