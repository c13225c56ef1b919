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
 * Turns the vendored conventions ({@code conventions/} at the repository's root, refreshed from the
 * published packages by {@link ConventionsRefresh}) into the processor's registry resource and the
 * aspect's personal-data list. The one reproducible transformation that owns both files; {@code
 * ConventionsResourceTest} checks the committed files against it, and rewrites them with {@code
 * -Dspanwise.regenerate=true}.
 *
 * <p>Merging, as {@code conventions/README.md} explains:
 *
 * <ul>
 *   <li>where both define a key, Sentry's definition wins;
 *   <li>Sentry ({@code sentry/attributes.json}, the package's {@code ATTRIBUTE_METADATA}):
 *       deprecated when the definition has a {@code deprecation}, even an empty one, replaced by its
 *       {@code replacement} when there is one; possibly personal data when {@code
 *       applyScrubbing.key} is {@code auto}; names with a dynamic suffix already end in {@code
 *       .<key>};
 *   <li>OpenTelemetry ({@code opentelemetry/attributes.json}, from the semconv sources jars'
 *       {@code @deprecated} texts): a text that says "Moved to ..." is not a deprecation (the GenAI
 *       keys moved to another repository); a text that says the key was removed, obsoleted, or has
 *       no replacement means deprecated with no replacement; any other text names its replacements
 *       in backticks ("Replaced by `x`", "Split to `a` and `b`"), but names after "For example" are
 *       illustrations, not replacements;
 *   <li>OpenTelemetry's {@code template[T]} keys become {@code key.<key>}, like Sentry's dynamic
 *       suffixes; {@code int} is {@code integer}.
 * </ul>
 */
final class ConventionsGenerator {

  static final String REGISTRY_RESOURCE = "dev/spanwise/processor/conventions.tsv";

  private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9_.\\-]+)`");
  private static final Pattern NO_REPLACEMENT =
      Pattern.compile("^(?:Removed|Obsoleted)|no (?:general )?replacement", Pattern.CASE_INSENSITIVE);

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
      boolean pii = isPersonalData(attribute);
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
      String note = attribute.path("deprecated").asString(null);
      boolean isDeprecated = note != null && !note.startsWith("Moved to");
      List<String> replacements = isDeprecated ? openTelemetryReplacements(note) : List.of();
      lines.put(key, line(key, type, "otel", isDeprecated, false, replacements));
    }
    StringBuilder text = new StringBuilder();
    text.append("# Span attributes and ops known to Sentry's and OpenTelemetry's conventions.\n");
    text.append("# Sources: getsentry/sentry-conventions (MIT), open-telemetry/semantic-conventions"
        + " (Apache-2.0); see META-INF/NOTICE.\n");
    text.append("# Generated from the repository's conventions/ by ConventionsGenerator; do not edit"
        + " by hand.\n");
    text.append("# attribute <key> <type> <sentry|otel> <flags: d deprecated, p personal data, or ->"
        + " <replacements separated by |, or ->; op <op>\n");
    lines.values().forEach(line -> text.append(line).append('\n'));
    Set<String> ops = new TreeSet<>();
    for (JsonNode op : sentryOps) {
      ops.add(op.asString());
    }
    ops.forEach(op -> text.append("op\t").append(op).append('\n'));
    return text.toString();
  }

  /** The replacements an OpenTelemetry {@code @deprecated} text names, in order. */
  static List<String> openTelemetryReplacements(String note) {
    if (NO_REPLACEMENT.matcher(note).find()) {
      return List.of();
    }
    String named = note.split("(?i)for example", 2)[0];
    Set<String> replacements = new LinkedHashSet<>();
    Matcher matcher = BACKTICKED.matcher(named);
    while (matcher.find()) {
      replacements.add(matcher.group(1));
    }
    return List.copyOf(replacements);
  }

  private static boolean isPersonalData(JsonNode sentryAttribute) {
    return "auto".equals(sentryAttribute.path("applyScrubbing").path("key").asString(""));
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
      if (isPersonalData(attribute)) {
        keys.add(attribute.get("key").asString());
      }
    }
    StringBuilder text =
        new StringBuilder(
            "# Attributes that Sentry's conventions mark as possibly personal data"
                + " (applyScrubbing.key = auto).\n"
                + "# Source: the npm package @sentry/conventions (MIT licence, see the processor's"
                + " NOTICE).\n"
                + "# Generated from the repository's conventions/sentry/attributes.json by"
                + " ConventionsGenerator; do not edit by hand.\n"
                + "# A name with <key> stands for every name that has what precedes and what follows"
                + " <key> around a key.\n");
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
