package dev.spanwise.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code SentryAttributes.java} is exactly what {@link SentryAttributesGenerator}
 * makes of the vendored {@code conventions/}, and the jar carries the data's licence. Reads only
 * the repository. To regenerate after changing the generator: {@code mvn -B -pl
 * conventions-constants -am verify -Dspanwise.regenerate=true} (then build again, so that the
 * classes are compiled from the new file); after new data, {@code mvn -B verify
 * -Prefresh-conventions} regenerates it too (see {@code conventions/README.md}).
 */
class SentryAttributesSourceTest {

  private static final boolean REGENERATE = Boolean.getBoolean("spanwise.regenerate");

  private static Path conventions;
  private static Path moduleDir;

  @BeforeAll
  static void locate() {
    conventions = Path.of(System.getProperty("spanwise.conventions", "../conventions"));
    moduleDir = Path.of(System.getProperty("spanwise.moduleDir", "."));
    assertThat(conventions.resolve("sentry/attributes.json"))
        .as("the vendored conventions (set -Dspanwise.conventions=<dir> if they are elsewhere)")
        .exists();
  }

  @Test
  void committedSourceIsGeneratedFromTheConventions() throws IOException {
    String expected = SentryAttributesGenerator.of(conventions).source();
    Path committed = SentryAttributesGenerator.sourceFile(moduleDir);
    if (REGENERATE) {
      Files.writeString(committed, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("%s is stale: regenerate with -Dspanwise.regenerate=true", committed)
        .isEqualTo(expected);
  }

  @Test
  void generatingTwiceGivesTheSameText() throws IOException {
    assertThat(SentryAttributesGenerator.of(conventions).source())
        .isEqualTo(SentryAttributesGenerator.of(conventions).source());
  }

  @Test
  void jarCarriesTheConventionsLicenceAndVersion() throws IOException {
    Path metaInf = moduleDir.resolve("src/main/resources/META-INF");
    assertThat(metaInf.resolve("LICENSE-sentry-conventions"))
        .hasSameTextualContentAs(conventions.resolve("sentry/LICENSE"));
    String version = SentryAttributesGenerator.of(conventions).version();
    assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(Files.readString(metaInf.resolve("NOTICE")))
        .as("META-INF/NOTICE names the version the constants are generated from")
        .contains("@sentry/conventions " + version + "\n");
  }
}
