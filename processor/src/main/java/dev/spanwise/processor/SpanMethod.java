package dev.spanwise.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * What the processor found about one valid {@code @Span} method: everything the catalogue needs,
 * and nothing it would have to look up again.
 *
 * @param key the runtime's method key, {@code charge(java.lang.String,com.shop.Cart)}
 */
record SpanMethod(
    ExecutableElement method, String key, String op, String spanName,
    List<Attribute> arguments, List<Attribute> results) {

  /** Where an attribute's value comes from. */
  enum Source {
    PARAMETER,
    PATH,
    RESULT;

    String catalogueName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One attribute and where it is read from.
   *
   * @param parameterIndex the argument's index, or -1 for a result attribute
   * @param type the conventions' type when they define the name, else the value's
   */
  record Attribute(
      String name, Source source, int parameterIndex, String parameterName, String path,
      ValueType type, String javaType) {}
}
