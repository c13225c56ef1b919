package dev.spanwise.processor;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code META-INF/spanwise/spans.json}: every span the module can emit, with its attributes,
 * their types and where they are read from. Plain JSON written by hand: no library in the
 * processor.
 */
final class CatalogueWriter {

  static final String RESOURCE = "META-INF/spanwise/spans.json";

  private CatalogueWriter() {}

  /** One span: the class's binary name and its method's model. */
  record Entry(String className, SpanMethod method) {}

  /**
   * Returns the catalogue of {@code entries}; {@code typeConflicts} names the attributes recorded
   * with more than one type, each with its types (Sentry's span metrics keep one per name).
   */
  static String write(List<Entry> entries, Map<String, ? extends Collection<String>> typeConflicts) {
    // Sized for a few hundred characters a span up front: growing by doubling copies it all.
    StringBuilder json = new StringBuilder(64 + entries.size() * 512).append("{\n  \"spans\": [");
    for (int i = 0; i < entries.size(); i++) {
      writeSpan(json.append(i == 0 ? "\n" : ",\n"), entries.get(i));
    }
    json.append(entries.isEmpty() ? "]" : "\n  ]");
    json.append(",\n  \"typeConflicts\": [");
    int i = 0;
    for (Map.Entry<String, ? extends Collection<String>> conflict : typeConflicts.entrySet()) {
      json.append(i++ == 0 ? "\n" : ",\n").append("    {");
      field(json, "name", conflict.getKey()).append(", \"types\": [");
      int j = 0;
      for (String type : conflict.getValue()) {
        json.append(j++ == 0 ? "" : ", ").append(quote(type));
      }
      json.append("]}");
    }
    return json.append(typeConflicts.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
  }

  // One method per span and per attribute, not one loop body: javac loads the processor anew for
  // every compilation, so this code starts interpreted each time, and the JIT compiles a method
  // after a few hundred calls, but a loop inside one long call only after tens of thousands of
  // iterations.

  private static void writeSpan(StringBuilder json, Entry entry) {
    SpanMethod method = entry.method();
    json.append("    {");
    plainField(json, "class", entry.className()).append(", ");
    plainField(json, "method", method.method().getSimpleName().toString()).append(", ");
    plainField(json, "methodKey", method.key()).append(", ");
    field(json, "op", method.op()).append(", ");
    field(json, "name", method.spanName()).append(", \"attributes\": [");
    int written = 0;
    for (SpanMethod.Attribute attribute : method.arguments()) {
      writeAttribute(json.append(written++ == 0 ? "\n" : ",\n"), attribute);
    }
    for (SpanMethod.Attribute attribute : method.results()) {
      writeAttribute(json.append(written++ == 0 ? "\n" : ",\n"), attribute);
    }
    json.append(written == 0 ? "]}" : "\n    ]}");
  }

  private static void writeAttribute(StringBuilder json, SpanMethod.Attribute attribute) {
    json.append("      {");
    field(json, "name", attribute.name()).append(", ");
    plainField(json, "type", attribute.type().toString()).append(", ");
    field(json, "javaType", attribute.javaType()).append(", ");
    plainField(json, "source", attribute.source().catalogueName());
    if (attribute.parameterName() != null) {
      plainField(json.append(", "), "parameter", attribute.parameterName());
    }
    if (!attribute.path().isEmpty()) {
      field(json.append(", "), "path", attribute.path());
    }
    json.append("}");
  }

  private static boolean needsEscapes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  /**
   * A field whose value javac or the processor made (a binary or Java name, a method key, a
   * fixed word), which cannot hold a quote, a backslash or a control character: written as it is,
   * without a character-by-character look for escapes (the catalogue has thousands of fields, and
   * the processor's code runs cold in every compilation).
   */
  private static StringBuilder plainField(StringBuilder json, String name, String value) {
    return json.append('"').append(name).append("\": \"").append(value).append('"');
  }

  /** A field whose value the developer wrote (a name, an op, a path) or a type's full text. */
  private static StringBuilder field(StringBuilder json, String name, String value) {
    return json.append('"').append(name).append("\": ").append(quote(value));
  }

  static String quote(String value) {
    if (!needsEscapes(value)) {
      return '"' + value + '"';
    }
    StringBuilder quoted = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
