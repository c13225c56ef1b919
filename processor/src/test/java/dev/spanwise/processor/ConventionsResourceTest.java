package dev.spanwise.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed registry resource and the aspect's personal-data list are exactly what {@link
 * ConventionsGenerator} makes of the vendored {@code conventions/}, and that copy is of the versions
 * {@code processor/pom.xml} pins. Reads only the repository, never the network. To regenerate the
 * files after changing the generator: {@code mvn -B -pl processor -am verify
 * -Dspanwise.regenerate=true}; to refresh the data from newer versions: change them in the pom, then
 * {@code mvn -B verify -Prefresh-conventions} (see {@code conventions/README.md}).
 */
class ConventionsResourceTest {

  private static final boolean REGENERATE = Boolean.getBoolean("spanwise.regenerate");

  private static ConventionsGenerator generator;
  private static Path conventions;
  private static Path processorDir;
  private static Path aspectDir;

  @BeforeAll
  static void readConventions() throws IOException {
    conventions = Path.of(System.getProperty("spanwise.conventions", "../conventions"));
    assertThat(conventions.resolve("sentry/attributes.json"))
        .as("the vendored conventions (set -Dspanwise.conventions=<dir> if they are elsewhere)")
        .exists();
    generator = new ConventionsGenerator(conventions);
    processorDir = Path.of(System.getProperty("spanwise.processorDir", "."));
    aspectDir = processorDir.resolve("../aspect");
  }

  @Test
  void registryResourceIsGeneratedFromTheConventions() throws IOException {
    check(processorDir.resolve("src/main/resources").resolve(ConventionsGenerator.REGISTRY_RESOURCE),
        generator.registryText());
  }

  @Test
  void aspectPersonalDataListIsGeneratedFromTheConventions() throws IOException {
    check(aspectDir.resolve("src/main/resources/META-INF/spanwise/pii-attributes.txt"),
        generator.piiAttributesText());
  }

  @Test
  void vendoredDataIsOfThePinnedVersions() throws IOException {
    assertThat(Files.readString(conventions.resolve("sentry/SOURCE")))
        .as("conventions/sentry is stale: mvn -B verify -Prefresh-conventions")
        .contains("@sentry/conventions@" + pinned("sentry") + "\n");
    assertThat(Files.readString(conventions.resolve("opentelemetry/SOURCE")))
        .as("conventions/opentelemetry is stale: mvn -B verify -Prefresh-conventions")
        .contains("opentelemetry-semconv:" + pinned("semconv") + ":sources")
        .contains("opentelemetry-semconv-incubating:" + pinned("semconvIncubating") + ":sources");
  }

  @Test
  void processorJarCarriesTheConventionsLicencesAndVersions() throws IOException {
    Path metaInf = processorDir.resolve("src/main/resources/META-INF");
    assertThat(metaInf.resolve("LICENSE-sentry-conventions"))
        .hasSameTextualContentAs(conventions.resolve("sentry/LICENSE"));
    assertThat(metaInf.resolve("LICENSE-opentelemetry-semantic-conventions"))
        .hasSameTextualContentAs(conventions.resolve("opentelemetry/LICENSE"));
    assertThat(Files.readString(metaInf.resolve("NOTICE")))
        .as("META-INF/NOTICE names the versions the registry is derived from")
        .contains("@sentry/conventions " + pinned("sentry"))
        .contains("opentelemetry-semconv " + pinned("semconv"))
        .contains("opentelemetry-semconv-incubating " + pinned("semconvIncubating"));
  }

  @Test
  void openTelemetryDeprecationTextsNameTheirReplacements() {
    assertThat(ConventionsGenerator.openTelemetryReplacements("Replaced by `client.address`."))
        .containsExactly("client.address");
    assertThat(ConventionsGenerator.openTelemetryReplacements(
            "Split to `url.path` and `url.query`."))
        .containsExactly("url.path", "url.query");
    assertThat(ConventionsGenerator.openTelemetryReplacements(
            "Use domain-specific error message attribute. For example, use"
                + " `feature_flag.error.message` for feature flag errors."))
        .isEmpty();
    assertThat(ConventionsGenerator.openTelemetryReplacements(
            "Removed, no general replacement at this time. For Elasticsearch, use"
                + " `db.elasticsearch.node.name` instead."))
        .isEmpty();
  }

  @Test
  void semconvSourcesReadTypesBriefsAndDeprecations() {
    String source =
        """
        public final class HttpIncubatingAttributes {
          /**
           * Deprecated, use {@code client.address} instead.
           *
           * @deprecated Replaced by {@code client.address}.
           */
          @Deprecated public static final AttributeKey<String> HTTP_CLIENT_IP = stringKey("http.client_ip");

          /**
           * HTTP request headers, {@code <key>} being the normalized HTTP Header name.
           *
           * <p>Notes: the <a href="https://example.com">value</a>.
           */
          public static final AttributeKeyTemplate<List<String>> HTTP_REQUEST_HEADER =
              stringArrayKeyTemplate("http.request.header");

          public static final AttributeKey<Long> HTTP_REQUEST_BODY_SIZE = longKey("http.request.body.size");
        }
        """;
    assertThat(SemconvSources.parse(source))
        .containsExactly(
            new SemconvSources.Attribute(
                "http.client_ip",
                "string",
                "Deprecated, use `client.address` instead.",
                "Replaced by `client.address`."),
            new SemconvSources.Attribute(
                "http.request.header",
                "template[string[]]",
                "HTTP request headers, `<key>` being the normalized HTTP Header name.",
                null),
            new SemconvSources.Attribute("http.request.body.size", "int", "", null));
  }

  private static String pinned(String name) {
    String version = System.getProperty("spanwise.conventions." + name);
    assertThat(version).as("spanwise.conventions.%s (set by processor/pom.xml)", name).isNotNull();
    return version;
  }

  private static void check(Path committed, String expected) throws IOException {
    if (REGENERATE) {
      ConventionsGenerator.write(committed, expected);
    }
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate with -Dspanwise.regenerate=true", committed)
        .isEqualTo(expected);
  }
}
