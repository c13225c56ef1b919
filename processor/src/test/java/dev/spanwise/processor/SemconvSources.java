package dev.spanwise.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The attribute keys declared in a sources jar of OpenTelemetry's semantic conventions for Java
 * ({@code io.opentelemetry.semconv:opentelemetry-semconv[-incubating]}, generated from the
 * conventions' YAML registry): each {@code AttributeKey} or {@code AttributeKeyTemplate} constant of
 * a {@code *Attributes.java} class, with its type (from the factory method), the first paragraph of
 * its Javadoc, and its {@code @deprecated} text. Javadoc markup becomes the registry's Markdown:
 * {@code {@code x}} is {@code `x`}, links and HTML keep only their text.
 */
final class SemconvSources {

  /** One constant: {@code deprecation} is null when the constant is not deprecated. */
  record Attribute(String key, String type, String brief, String deprecation) {}

  private static final Pattern CONSTANT =
      Pattern.compile(
          "public static final AttributeKey(?:Template)?<[^=]+>\\s+\\w+\\s*="
              + "\\s*(\\w+)\\(\\s*\"([^\"]+)\"\\s*\\)");

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("stringKey", "string"),
          Map.entry("booleanKey", "boolean"),
          Map.entry("longKey", "int"),
          Map.entry("doubleKey", "double"),
          Map.entry("stringArrayKey", "string[]"),
          Map.entry("booleanArrayKey", "boolean[]"),
          Map.entry("longArrayKey", "int[]"),
          Map.entry("doubleArrayKey", "double[]"),
          Map.entry("valueKey", "any"),
          Map.entry("stringKeyTemplate", "template[string]"),
          Map.entry("booleanKeyTemplate", "template[boolean]"),
          Map.entry("longKeyTemplate", "template[int]"),
          Map.entry("doubleKeyTemplate", "template[double]"),
          Map.entry("stringArrayKeyTemplate", "template[string[]]"),
          Map.entry("booleanArrayKeyTemplate", "template[boolean[]]"),
          Map.entry("longArrayKeyTemplate", "template[int[]]"),
          Map.entry("doubleArrayKeyTemplate", "template[double[]]"));

  private SemconvSources() {}

  /** Every attribute constant of the jar's {@code *Attributes.java} sources, in jar order. */
  static List<Attribute> read(Path sourcesJar) throws IOException {
    List<Attribute> attributes = new ArrayList<>();
    try (ZipFile jar = new ZipFile(sourcesJar.toFile())) {
      Enumeration<? extends ZipEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().endsWith("Attributes.java")) {
          try (InputStream in = jar.getInputStream(entry)) {
            attributes.addAll(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return attributes;
  }

  /** The attribute constants declared in one Java source. */
  static List<Attribute> parse(String javaSource) {
    List<Attribute> attributes = new ArrayList<>();
    Matcher constant = CONSTANT.matcher(javaSource);
    while (constant.find()) {
      String factory = constant.group(1);
      String type = TYPES.get(factory);
      if (type == null) {
        throw new IllegalStateException(
            "unknown attribute key factory '" + factory + "' for '" + constant.group(2) + "'");
      }
      String javadoc = javadocBefore(javaSource, constant.start());
      attributes.add(
          new Attribute(constant.group(2), type, brief(javadoc), tag(javadoc, "@deprecated")));
    }
    return attributes;
  }

  /** The Javadoc comment that ends just before {@code end} (an {@code @Deprecated} between), or "". */
  private static String javadocBefore(String source, int end) {
    String before = source.substring(0, end).stripTrailing();
    if (before.endsWith("@Deprecated")) {
      before = before.substring(0, before.length() - "@Deprecated".length()).stripTrailing();
    }
    int start = before.lastIndexOf("/**");
    return before.endsWith("*/") && start >= 0 ? before.substring(start + 3, before.length() - 2) : "";
  }

  private static String brief(String javadoc) {
    String body = lines(javadoc).split("\n\\s*@", 2)[0];
    return markdown(body.split("<p>", 2)[0]);
  }

  private static String tag(String javadoc, String tag) {
    String text = lines(javadoc);
    int at = text.indexOf(tag);
    if (at < 0) {
      return null;
    }
    return markdown(text.substring(at + tag.length()).split("\n\\s*@", 2)[0]);
  }

  /** The Javadoc's text lines without their leading {@code *}. */
  private static String lines(String javadoc) {
    return javadoc.replaceAll("(?m)^\\s*\\* ?", "");
  }

  private static String markdown(String text) {
    return text.replaceAll("\\{@code\\s+([^}]*)}", "`$1`")
        .replaceAll("\\{@link(?:plain)?\\s+([^}]*)}", "$1")
        .replaceAll("</?(?:a|p|ul|ol|li|em|strong|b|i|br|pre|code)\\b[^>]*>", "")
        .replaceAll("\\s+", " ")
        .trim();
  }
}
