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
 * ConventionsGenerator} makes of {@code shared/conventions}. To refresh them after updating the
 * data: {@code mvn -B -pl processor -am verify -Dspanwise.regenerate=true}, then commit.
 */
class ConventionsResourceTest {

  private static final boolean REGENERATE = Boolean.getBoolean("spanwise.regenerate");

  private static ConventionsGenerator generator;
  private static Path processorDir;
  private static Path aspectDir;

  @BeforeAll
  static void readConventions() throws IOException {
    Path conventions = Path.of(System.getProperty("spanwise.conventions", "../../shared/conventions"));
    assertThat(conventions.resolve("sentry/attributes.json"))
        .as("the conventions data (set -Dspanwise.conventions=<dir> if it is elsewhere)")
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

  private static void check(Path committed, String expected) throws IOException {
    if (REGENERATE) {
      ConventionsGenerator.write(committed, expected);
    }
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate with -Dspanwise.regenerate=true", committed)
        .isEqualTo(expected);
  }
}
