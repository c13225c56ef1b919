package dev.spanwise.seed.ai;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Just enough JSON for the example's {@code JSON.stringify} and {@code JSON.parse}. */
final class Json {

  private Json() {}

  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static String messages(List<ChatMessage> messages) {
    return messages.stream()
        .map(m -> "{\"role\":" + string(m.role()) + ",\"content\":" + string(m.content()) + "}")
        .collect(Collectors.joining(",", "[", "]"));
  }

  static String strings(List<String> values) {
    return values.stream().map(Json::string).collect(Collectors.joining(",", "[", "]"));
  }

  /** The string field {@code name} of a flat JSON object, or {@code null}. */
  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }
}
