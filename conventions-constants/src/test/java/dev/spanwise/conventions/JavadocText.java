package dev.spanwise.conventions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the conventions' texts (briefs in a little Markdown: {@code `code`} and {@code
 * [text](url)}) into Javadoc HTML that doclint accepts, and wraps it. Everything from the data is
 * escaped, so that a brief can never close the comment, start a tag or an inline tag.
 */
final class JavadocText {

  private static final Pattern CODE_OR_LINK =
      Pattern.compile("`([^`]+)`|\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");

  private JavadocText() {}

  /** Returns a Markdown brief as Javadoc HTML. */
  static String fromMarkdown(String markdown) {
    String text = markdown.strip();
    StringBuilder html = new StringBuilder();
    Matcher matcher = CODE_OR_LINK.matcher(text);
    int at = 0;
    while (matcher.find()) {
      html.append(escape(text.substring(at, matcher.start())));
      if (matcher.group(1) != null) {
        html.append(code(matcher.group(1)));
      } else {
        html.append("<a href=\"").append(escape(matcher.group(3)).replace("\"", "&quot;")).append("\">")
            .append(escape(matcher.group(2))).append("</a>");
      }
      at = matcher.end();
    }
    html.append(escape(text.substring(at)));
    return html.toString();
  }

  /** Returns {@code text} as inline code: {@code <code>...</code>}, escaped. */
  static String code(String text) {
    return "<code>" + escape(text) + "</code>";
  }

  /** Returns {@code text} with everything Javadoc or HTML would read as markup escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace("*/", "*&#47;")
        .replace("\r", "")
        .replace("\n", " ");
  }

  /** Returns {@code text} cut at {@code max} characters, with {@code …} as the last one. */
  static String shortened(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /**
   * Returns {@code text} broken into lines of at most {@code width} characters where it can be:
   * at spaces outside inline tags ({@code {@link ...}}), so that a tag stays on one line.
   */
  static String wrap(String text, int width) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
        }
        word.setLength(0);
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    StringBuilder lines = new StringBuilder();
    int lineLength = 0;
    for (String w : words) {
      if (lineLength > 0 && lineLength + 1 + w.length() > width) {
        lines.append('\n');
        lineLength = 0;
      } else if (lineLength > 0) {
        lines.append(' ');
        lineLength++;
      }
      lines.append(w);
      lineLength += w.length();
    }
    return lines.toString();
  }
}
