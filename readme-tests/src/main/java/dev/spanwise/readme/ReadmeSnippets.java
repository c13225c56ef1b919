package dev.spanwise.readme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the README's code blocks into the projects that {@code readme-tests} builds, so that a
 * README which stops building fails the build.
 *
 * <ul>
 *   <li>{@code <!-- snippet: a/pom.xml, b/pom.xml -->} on the line before a fenced block writes the
 *       block, exactly as written, to each of those paths (relative to the output directory).
 *   <li>{@code <!-- snippet-in: a/pom.xml -->} before a block checks that the block (a fragment)
 *       occurs in each of those extracted files, indentation aside.
 *   <li>A marker without a block after it, a path written twice, a path leaving the output
 *       directory, or a fragment not found, is an error.
 * </ul>
 */
public final class ReadmeSnippets {

  private static final Pattern MARKER =
      Pattern.compile("^<!--\\s*snippet(-in)?:\\s*(.+?)\\s*-->\\s*$");
  private static final String FENCE = "```";

  private ReadmeSnippets() {}

  /** {@code ReadmeSnippets <README.md> <output directory>}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: ReadmeSnippets <README.md> <output directory>");
    }
    Path readme = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Extracted extracted = extract(Files.readString(readme, StandardCharsets.UTF_8));
    for (Map.Entry<String, String> file : extracted.files().entrySet()) {
      Path target = out.resolve(file.getKey()).normalize();
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    System.out.printf(
        "%s: %d files, %d fragments checked, in %s%n",
        readme, extracted.files().size(), extracted.fragmentsChecked(), out);
  }

  /** What the README's markers produce: each file's path and text. */
  public record Extracted(Map<String, String> files, int fragmentsChecked) {}

  /** Reads every marked block of {@code markdown}; throws on any marker it cannot honour. */
  public static Extracted extract(String markdown) {
    String[] lines = markdown.split("\n", -1);
    Map<String, String> files = new LinkedHashMap<>();
    List<Fragment> fragments = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (!marker.matches()) {
        continue;
      }
      int line = i + 1;
      List<String> paths = paths(marker.group(2), line);
      int open = i + 1;
      while (open < lines.length && lines[open].isBlank()) {
        open++;
      }
      if (open >= lines.length || !lines[open].startsWith(FENCE)) {
        throw new IllegalArgumentException("README line " + line + ": no code block after " + lines[i]);
      }
      StringBuilder block = new StringBuilder();
      int close = open + 1;
      while (close < lines.length && !lines[close].startsWith(FENCE)) {
        block.append(lines[close]).append('\n');
        close++;
      }
      if (close >= lines.length) {
        throw new IllegalArgumentException("README line " + (open + 1) + ": code block never closed");
      }
      if (marker.group(1) == null) {
        for (String path : paths) {
          if (files.putIfAbsent(path, block.toString()) != null) {
            throw new IllegalArgumentException("README line " + line + ": " + path + " written twice");
          }
        }
      } else {
        fragments.add(new Fragment(line, paths, block.toString()));
      }
      i = close;
    }
    for (Fragment fragment : fragments) {
      for (String path : fragment.paths()) {
        String file = files.get(path);
        if (file == null) {
          throw new IllegalArgumentException(
              "README line " + fragment.line() + ": no snippet writes " + path);
        }
        if (!withoutIndentation(file).contains(withoutIndentation(fragment.text()))) {
          throw new IllegalArgumentException(
              "README line " + fragment.line() + ": the block is not part of " + path);
        }
      }
    }
    return new Extracted(files, fragments.size());
  }

  private static List<String> paths(String list, int line) {
    List<String> paths = new ArrayList<>();
    for (String path : list.split(",")) {
      String trimmed = path.trim();
      Path normal = Path.of(trimmed).normalize();
      if (trimmed.isEmpty() || normal.isAbsolute() || normal.startsWith("..")) {
        throw new IllegalArgumentException("README line " + line + ": bad path '" + trimmed + "'");
      }
      paths.add(normal.toString().replace('\\', '/'));
    }
    return paths;
  }

  private static String withoutIndentation(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        out.append(line.strip()).append('\n');
      }
    }
    return out.toString();
  }

  private record Fragment(int line, List<String> paths, String text) {}
}
