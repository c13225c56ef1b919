package dev.spanwise.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the published conventions ({@code shared/conventions}) into the processor's registry
 * resource and the aspect's personal-data list. The one reproducible transformation that owns both
 * files; {@code ConventionsResourceTest} checks the committed files against it, and rewrites them
 * with {@code -Dspanwise.regenerate=true}.
 *
 * <p>Merging, as {@code shared/conventions/README.md} asks:
 *
 * <ul>
 *   <li>where both define a key, Sentry's definition wins;
 *   <li>Sentry: deprecated when the definition has a {@code deprecation}, replaced by its {@code
 *       replacement} when there is one; possibly personal data when {@code apply_scrubbing.key} is
 *       {@code auto};
 *   <li>OpenTelemetry: {@code renamed} gives the replacement; an {@code uncategorized} note that
 *       says "Moved to ..." is not a deprecation (the GenAI keys moved to another repository); other
 *       {@code uncategorized} notes name their replacements in backticks; {@code obsoleted} means
 *       deprecated with no replacement (a note's "for example, use ..." is not one);
 *   <li>OpenTelemetry's {@code template[T]} keys become {@code key.<key>}, like Sentry's dynamic
 *       suffixes; {@code int} is {@code integer}.
 * </ul>
 */
final class ConventionsGenerator {

  static final String REGISTRY_RESOURCE = "dev/spanwise/processor/conventions.tsv";

  private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9_.\\-]+)`");

  private final JsonNode sentryAttributes;
  private final JsonNode sentryOps;
  private final JsonNode otelAttributes;

  ConventionsGenerator(Path conventionsDir) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    this.sentryAttributes = json.readTree(conventionsDir.resolve("sentry/attributes.json").toFile());
    this.sentryOps = json.readTree(conventionsDir.resolve("sentry/ops.json").toFile());
    this.otelAttributes =
        json.readTree(conventionsDir.resolve("opentelemetry/attributes.json").toFile());
  }

  /** The processor's registry: one attribute or op a line, tab-separated. */
  String registryText() {
    Map<String, String> lines = new TreeMap<>();
    for (JsonNode attribute : sentryAttributes) {
      String key = attribute.get("key").asString();
      JsonNode deprecation = attribute.get("deprecation");
      List<String> replacements = new ArrayList<>();
      if (deprecation != null && deprecation.hasNonNull("replacement")) {
        replacements.add(deprecation.get("replacement").asString());
      }
      boolean pii = "auto".equals(attribute.path("apply_scrubbing").path("key").asString(""));
      lines.put(
          key,
          line(key, attribute.get("type").asString(), "sentry", deprecation != null, pii, replacements));
    }
    for (JsonNode attribute : otelAttributes) {
      String type = attribute.get("type").asString();
      String key = attribute.get("key").asString();
      if (type.startsWith("template[")) {
        key = key + ".<key>";
        type = type.substring("template[".length(), type.length() - 1);
      }
      type = type.equals("int") ? "integer" : type.equals("int[]") ? "integer[]" : type;
      if (lines.containsKey(key)) {
        continue; // Sentry's definition wins.
      }
      JsonNode deprecated = attribute.get("deprecated");
      boolean isDeprecated = false;
      List<String> replacements = new ArrayList<>();
      if (deprecated != null) {
        String reason = deprecated.path("reason").asString("");
        String note = deprecated.path("note").asString("");
        if (reason.equals("renamed")) {
          isDeprecated = true;
          replacements.add(deprecated.get("renamed_to").asString());
        } else if (reason.equals("obsoleted")) {
          isDeprecated = true;
        } else if (!note.startsWith("Moved to")) {
          isDeprecated = true;
          Set<String> named = new LinkedHashSet<>();
          Matcher matcher = BACKTICKED.matcher(note);
          while (matcher.find()) {
            named.add(matcher.group(1));
          }
          replacements.addAll(named);
        }
      }
      lines.put(key, line(key, type, "otel", isDeprecated, false, replacements));
    }
    StringBuilder text = new StringBuilder();
    text.append("# Span attributes and ops known to Sentry's and OpenTelemetry's conventions.\n");
    text.append("# Sources: getsentry/sentry-conventions (MIT), open-telemetry/semantic-conventions"
        + " (Apache-2.0); see META-INF/NOTICE.\n");
    text.append("# Generated from shared/conventions by ConventionsGenerator; do not edit by hand.\n");
    text.append("# attribute <key> <type> <sentry|otel> <flags: d deprecated, p personal data, or ->"
        + " <replacements separated by |, or ->; op <op>\n");
    lines.values().forEach(line -> text.append(line).append('\n'));
    Set<String> ops = new TreeSet<>();
    for (JsonNode category : sentryOps) {
      for (JsonNode field : category.get("fields")) {
        ops.add(field.get("name").asString());
      }
    }
    ops.forEach(op -> text.append("op\t").append(op).append('\n'));
    return text.toString();
  }

  private static String line(
      String key, String type, String origin, boolean deprecated, boolean pii, List<String> replacements) {
    String flags = (deprecated ? "d" : "") + (pii ? "p" : "");
    return String.join(
        "\t",
        "attribute",
        key,
        type,
        origin,
        flags.isEmpty() ? "-" : flags,
        replacements.isEmpty() ? "-" : String.join("|", replacements));
  }

  /** The aspect's list of names that Sentry scrubs as personal data. */
  String piiAttributesText() {
    Set<String> keys = new TreeSet<>();
    for (JsonNode attribute : sentryAttributes) {
      if ("auto".equals(attribute.path("apply_scrubbing").path("key").asString(""))) {
        keys.add(attribute.get("key").asString());
      }
    }
    StringBuilder text =
        new StringBuilder(
            "# Attributes that Sentry's conventions mark as possibly personal data"
                + " (apply_scrubbing.key = auto).\n"
                + "# Source: getsentry/sentry-conventions, model/attributes (MIT licence, see"
                + " processor's NOTICE).\n"
                + "# Generated from ../shared/conventions/sentry/attributes.json; do not edit by"
                + " hand.\n"
                + "# A name ending in .<key> stands for every name that starts with what precedes"
                + " <key>.\n");
    keys.forEach(key -> text.append(key).append('\n'));
    return text.toString();
  }

  /** Regenerates both files: {@code args} = conventions dir, processor module dir, aspect module dir. */
  public static void main(String[] args) throws IOException {
    ConventionsGenerator generator = new ConventionsGenerator(Path.of(args[0]));
    write(Path.of(args[1], "src/main/resources", REGISTRY_RESOURCE), generator.registryText());
    write(
        Path.of(args[2], "src/main/resources/META-INF/spanwise/pii-attributes.txt"),
        generator.piiAttributesText());
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
