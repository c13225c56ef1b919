package dev.spanwise.conventions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attribute of Sentry's conventions, as {@code conventions/sentry/attributes.json} defines it
 * (the npm package's {@code ATTRIBUTE_METADATA}; {@code conventions/README.md} lists the fields).
 *
 * @param key the name, with {@code <key>} where a family's names vary ({@code
 *     http.request.header.<key>})
 * @param brief what the attribute holds, in a little Markdown ({@code `code`}, links)
 * @param type {@code string}, {@code integer}, {@code double}, {@code boolean}, {@code string[]}, …
 * @param example the data's {@code example} as compact JSON, if it has one
 * @param personalData whether Sentry scrubs it as possibly personal data ({@code applyScrubbing.key
 *     = auto}), which Spanwise records only with {@code sendDefaultPii}
 * @param deprecated whether the data has a {@code deprecation}, even an empty one
 * @param replacement the deprecation's replacement, if it names one
 * @param reason the deprecation's reason, if it gives one
 * @param internal whether Sentry's {@code visibility} is {@code internal}
 */
record SentryAttribute(
    String key,
    String brief,
    String type,
    Optional<String> example,
    boolean personalData,
    boolean deprecated,
    Optional<String> replacement,
    Optional<String> reason,
    boolean internal) {

  static final String TEMPLATE_KEY = "<key>";

  /** Returns whether this is a family of names ({@code http.request.header.<key>}). */
  boolean isTemplate() {
    return key.contains(TEMPLATE_KEY);
  }

  /** Returns the attributes of {@code conventions/sentry/attributes.json}, sorted by key. */
  static List<SentryAttribute> read(Path conventionsDir) throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode all = json.readTree(conventionsDir.resolve("sentry/attributes.json").toFile());
    List<SentryAttribute> attributes = new ArrayList<>();
    for (JsonNode node : all) {
      JsonNode deprecation = node.get("deprecation");
      attributes.add(
          new SentryAttribute(
              node.get("key").asString(),
              node.path("brief").asString(""),
              node.get("type").asString(),
              node.has("example")
                  ? Optional.of(json.writeValueAsString(node.get("example")))
                  : Optional.empty(),
              "auto".equals(node.path("applyScrubbing").path("key").asString("")),
              deprecation != null,
              text(deprecation, "replacement"),
              text(deprecation, "reason"),
              "internal".equals(node.path("visibility").asString(""))));
    }
    attributes.sort(Comparator.comparing(SentryAttribute::key));
    return attributes;
  }

  private static Optional<String> text(JsonNode node, String field) {
    if (node == null || !node.hasNonNull(field) || node.get(field).asString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(node.get(field).asString());
  }
}
