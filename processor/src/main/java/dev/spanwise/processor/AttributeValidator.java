package dev.spanwise.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * Checks one {@code @SpanAttribute} or {@code @ResultAttribute}: its name, its path on the declared
 * type, and the type of the value it ends at.
 */
final class AttributeValidator {

  /** At most this many properties are listed in a message; beyond, the list is not "short". */
  private static final int LISTED = 8;

  private final NameChecks names;
  private final PathResolver paths;
  private final JavaTypes javaTypes;

  AttributeValidator(NameChecks names, PathResolver paths, JavaTypes javaTypes) {
    this.names = names;
    this.paths = paths;
    this.javaTypes = javaTypes;
  }

  /**
   * Returns the attribute read from {@code root} when it is valid; reports what is not.
   *
   * @param subject {@code @SpanAttribute} or {@code @ResultAttribute}
   */
  Optional<SpanMethod.Attribute> validate(
      String subject, Element element, AnnotationMirror mirror, AnnotationMirror reportOn,
      int repeatIndex, TypeMirror root, int parameterIndex, String parameterName, Report report) {
    String name = Annotations.string(mirror, "value");
    String path = Annotations.string(mirror, "path");
    boolean custom = Annotations.bool(mirror, "custom");
    AnnotationValue nameValue = Annotations.explicit(mirror, "value");
    AnnotationValue pathValue = Annotations.explicit(mirror, "path");
    String simpleName = subject.substring(1);
    Report.Where atName = new Report.Where(element, reportOn, nameValue)
        .inRepeated(repeatIndex, simpleName, "value");
    Report.Where atPath = new Report.Where(element, reportOn, pathValue == null ? nameValue : pathValue)
        .inRepeated(repeatIndex, simpleName, pathValue == null ? "value" : "path");
    boolean errorsBefore = report.hasErrors();

    PathResolver.Resolution resolution = paths.resolve(root, path);
    if (!resolution.resolved()) {
      report.add(Message.PATH_UNRESOLVED, atPath, subject, name, resolution.failedSegment(),
          JavaTypes.simpleName(resolution.failedOn()), path, listing("it has", quoted(resolution.available())));
      names.check(subject, name, custom, "set custom = true if the name is deliberate", null, null,
          (kind, message, arguments) -> report.add(kind, message, atName, arguments));
      return Optional.empty();
    }
    TypeMirror valueMirror = resolution.finalType(root);
    Optional<ValueType> valueType = javaTypes.classify(valueMirror);
    String javaType = JavaTypes.simpleName(valueMirror);
    if (valueType.isEmpty()) {
      report.add(Message.UNSUPPORTED_TYPE, path.isEmpty() ? atName : atPath, subject, name, javaType,
          supportedProperties(valueMirror));
    }
    Optional<Conventions.Attribute> known =
        names.check(subject, name, custom, "set custom = true if the name is deliberate",
            valueType.orElse(null), javaType,
            (kind, message, arguments) -> report.add(kind, message, atName, arguments));
    if (report.hasErrors() && !errorsBefore || valueType.isEmpty()) {
      return Optional.empty();
    }
    SpanMethod.Source source = parameterIndex < 0
        ? SpanMethod.Source.RESULT
        : path.isEmpty() ? SpanMethod.Source.PARAMETER : SpanMethod.Source.PATH;
    return Optional.of(new SpanMethod.Attribute(name, source, parameterIndex, parameterName, path,
        known.map(Conventions.Attribute::type).orElse(valueType.get()),
        valueMirror.toString()));
  }

  private String supportedProperties(TypeMirror type) {
    Map<String, PathResolver.Step> properties = paths.properties(paths.bound(type));
    List<String> supported = properties.values().stream()
        .filter(step -> javaTypes.classify(step.type()).isPresent())
        .map(step -> "'" + step.segment() + "' (" + JavaTypes.simpleName(step.type()) + ")")
        .collect(Collectors.toList());
    return listing("such as", supported);
  }

  private static String listing(String lead, List<String> items) {
    if (items.isEmpty() || items.size() > LISTED) {
      return "";
    }
    return "; " + lead + ": " + String.join(", ", items);
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(Collectors.toList());
  }
}
