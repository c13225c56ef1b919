package dev.spanwise.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.spanwise.processor.Compilations.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code META-INF/spanwise/spans.json}, parsed: every span, its op, name and attributes. */
class CatalogueTest {

  @Test
  void catalogueListsEverySpanWithItsAttributesTypesAndSources() throws IOException {
    Compilation compilation = javac().compile(SeedUsageTest.SEED);
    assertThat(compilation).succeededWithoutWarnings();

    JsonNode spans = catalogue(compilation).get("spans");

    assertThat(spans).hasSize(11);
    JsonNode checkout = span(spans, "checkout");
    assertThat(checkout.get("class").asString()).isEqualTo("shop.Seed");
    assertThat(checkout.get("methodKey").asString())
        .isEqualTo("checkout(shop.Seed$Cart,shop.Seed$Cart,shop.Seed$Cart,java.lang.String)");
    assertThat(checkout.get("op").asString()).isEqualTo("ui.action");
    assertThat(checkout.get("name").asString()).isEqualTo("Checkout");
    assertThat(attributes(checkout)).containsExactly(
        "cart.item_count integer path cart items.size",
        "cart.value_minor integer path sameCart valueMinor",
        "cart.currency string path thirdCart currency",
        "payment.provider.ui_selected string parameter provider -",
        "order.id string result - orderId",
        "payment.provider string result - provider");
    assertThat(attributes(span(spans, "chat"))).contains(
        "gen_ai.request.temperature double parameter temperature -",
        "gen_ai.usage.output_tokens integer parameter outputTokens -");
    assertThat(attributes(span(spans, "process"))).contains(
        "processing.operations string[] parameter operations -");
    assertThat(span(spans, "search").get("attributes").get(1).get("javaType").asString())
        .isEqualTo("shop.Seed.SearchMode");
  }

  @Test
  void jsonStringsAreEscaped() {
    assertThat(CatalogueWriter.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
  }

  private static JsonNode catalogue(Compilation compilation) throws IOException {
    JavaFileObject file = compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, CatalogueWriter.RESOURCE)
        .orElseThrow();
    return JsonMapper.builder().build().readTree(file.getCharContent(true).toString());
  }

  private static JsonNode span(JsonNode spans, String method) {
    for (JsonNode span : spans) {
      if (span.get("method").asString().equals(method)) {
        return span;
      }
    }
    throw new AssertionError("no span for " + method);
  }

  private static List<String> attributes(JsonNode span) {
    List<String> result = new ArrayList<>();
    for (JsonNode attribute : span.get("attributes")) {
      result.add(String.join(" ", attribute.get("name").asString(), attribute.get("type").asString(),
          attribute.get("source").asString(), attribute.path("parameter").asString("-"),
          attribute.path("path").asString("-")));
    }
    return result;
  }
}
