package dev.spanwise.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Refreshes the vendored conventions ({@code conventions/} at the repository's root) from the
 * published packages, at the versions pinned in {@code processor/pom.xml}, then regenerates the
 * registry and the personal-data list from them with {@link ConventionsGenerator}. Run by {@code mvn
 * -B verify -Prefresh-conventions}, which resolves the OpenTelemetry sources jars and then runs the
 * whole build against the refreshed data. It needs the network (registry.npmjs.org, Maven Central)
 * and {@code npm}, {@code node} and {@code tar} on the PATH; nothing else in the build reads anything
 * but the vendored copy.
 *
 * <ul>
 *   <li>{@code sentry/}: from the npm package {@code @sentry/conventions} (packed with {@code npm
 *       pack}, which checks the registry's integrity hash), {@code attributes.json} is its {@code
 *       ATTRIBUTE_METADATA} and {@code ops.json} its span ops, read by {@code
 *       conventions/tools/sentry-conventions.cjs}; {@code LICENSE} is the package's.
 *   <li>{@code opentelemetry/}: {@code attributes.json} from the sources jars of {@code
 *       io.opentelemetry.semconv:opentelemetry-semconv} (stable) and {@code
 *       opentelemetry-semconv-incubating}, see {@link SemconvSources}. The incubating jar repeats
 *       each stable attribute as "deprecated in favor of stable"; those repeats are dropped for the
 *       stable definition. The jars carry no licence file: their pom declares Apache-2.0, whose text
 *       is {@code opentelemetry/LICENSE}.
 *   <li>Each folder's {@code SOURCE} records what was read: coordinates, version, hashes.
 * </ul>
 */
public final class ConventionsRefresh {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ConventionsRefresh() {}

  /**
   * {@code args}: conventions dir, processor module dir, aspect module dir, {@code
   * @sentry/conventions} version, semconv version, semconv sources jar, semconv-incubating version,
   * semconv-incubating sources jar.
   */
  public static void main(String[] args) throws Exception {
    Path conventions = Path.of(args[0]);
    refreshSentry(conventions.resolve("sentry"), args[3], conventions.resolve("tools"));
    refreshOpenTelemetry(
        conventions.resolve("opentelemetry"), args[4], Path.of(args[5]), args[6], Path.of(args[7]));
    ConventionsGenerator.main(new String[] {args[0], args[1], args[2]});
  }

  private static void refreshSentry(Path target, String version, Path tools)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("spanwise-sentry-conventions");
    JsonNode packed =
        JSON.readTree(run(work, "npm", "pack", "--json", "@sentry/conventions@" + version)).get(0);
    run(work, "tar", "-xzf", packed.get("filename").asString());
    Path unpacked = work.resolve("package");
    JsonNode published =
        JSON.readTree(
            run(work, "node", tools.resolve("sentry-conventions.cjs").toString(), unpacked.toString()));
    if (!version.equals(published.get("version").asString())) {
      throw new IllegalStateException(
          "npm packed @sentry/conventions " + published.get("version") + ", not " + version);
    }
    writeJson(target.resolve("attributes.json"), published.get("attributes"));
    writeJson(target.resolve("ops.json"), published.get("ops"));
    Files.copy(
        unpacked.resolve("LICENSE"), target.resolve("LICENSE"), StandardCopyOption.REPLACE_EXISTING);
    ConventionsGenerator.write(
        target.resolve("SOURCE"),
        "package: npm @sentry/conventions@" + version + "\n"
            + "tarball: https://registry.npmjs.org/@sentry/conventions/-/conventions-" + version
            + ".tgz\n"
            + "integrity: " + packed.get("integrity").asString() + "\n"
            + "read: dist/attributes.cjs (ATTRIBUTE_METADATA, " + published.get("attributes").size()
            + " attributes, without their changelog), dist/op.cjs (" + published.get("ops").size()
            + " ops), LICENSE\n");
  }

  private static void refreshOpenTelemetry(
      Path target, String stableVersion, Path stableJar, String incubatingVersion, Path incubatingJar)
      throws IOException {
    Map<String, ObjectNode> attributes = new TreeMap<>();
    for (SemconvSources.Attribute attribute : SemconvSources.read(stableJar)) {
      put(attributes, attribute, "stable");
    }
    List<String> repeats = new ArrayList<>();
    for (SemconvSources.Attribute attribute : SemconvSources.read(incubatingJar)) {
      String deprecation = attribute.deprecation();
      if (deprecation != null && deprecation.startsWith("deprecated in favor of stable")) {
        repeats.add(attribute.key());
      } else {
        put(attributes, attribute, "incubating");
      }
    }
    List<String> unmatched = repeats.stream().filter(key -> !attributes.containsKey(key)).toList();
    if (!unmatched.isEmpty()) {
      throw new IllegalStateException("deprecated in favor of stable, but not stable: " + unmatched);
    }
    ArrayNode all = JSON.createArrayNode();
    attributes.values().forEach(all::add);
    writeJson(target.resolve("attributes.json"), all);
    ConventionsGenerator.write(
        target.resolve("SOURCE"),
        sourceLine("opentelemetry-semconv", stableVersion, stableJar)
            + sourceLine("opentelemetry-semconv-incubating", incubatingVersion, incubatingJar)
            + "read: the AttributeKey and AttributeKeyTemplate constants of *Attributes.java ("
            + attributes.size() + " attributes; the incubating jar's " + repeats.size()
            + " repeats of stable ones dropped)\n"
            + "licence: Apache-2.0 (declared in the artifacts' pom), LICENSE\n");
  }

  private static void put(
      Map<String, ObjectNode> attributes, SemconvSources.Attribute attribute, String stability) {
    ObjectNode node = JSON.createObjectNode();
    node.put("key", attribute.key());
    node.put("type", attribute.type());
    node.put("stability", stability);
    node.put("brief", attribute.brief());
    if (attribute.deprecation() != null) {
      node.put("deprecated", attribute.deprecation());
    }
    if (attributes.putIfAbsent(attribute.key(), node) != null) {
      throw new IllegalStateException("'" + attribute.key() + "' is declared twice");
    }
  }

  private static String sourceLine(String artifact, String version, Path jar) throws IOException {
    return "artifact: io.opentelemetry.semconv:" + artifact + ":" + version + ":sources (sha-256 "
        + sha256(jar) + ")\n";
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeJson(Path file, JsonNode node) throws IOException {
    ConventionsGenerator.write(
        file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n");
  }

  /** Runs a command in {@code dir} and returns its standard output; its errors go to ours. */
  private static String run(Path dir, String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + process.exitValue());
    }
    return out;
  }
}
