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

  private final NameChecks names;
  private final PathResolver paths;
  private final JavaTypes javaTypes;

  AttributeValidator(NameChecks names, PathResolver paths, JavaTypes javaTypes) {
    this.names = names;
    this.paths = paths;
    this.javaTypes = javaTypes;
  }

  /**
   * Returns the report about one attribute read from {@code root}, with the attribute when it is
   * valid.
   *
   * @param subject {@code @SpanAttribute} or {@code @ResultAttribute}
   */
  Validated<SpanMethod.Attribute> validate(
      String subject, Element element, AnnotationMirror mirror, AnnotationMirror reportOn,
      int repeatIndex, TypeMirror root, int parameterIndex, String parameterName) {
    Report report = Report.about(element);
    Map<String, AnnotationValue> values = Annotations.values(mirror);
    String name = Annotations.string(values, "value");
    String path = Annotations.string(values, "path");
    AnnotationValue customValue = values.get("custom");
    boolean custom = customValue != null && Boolean.TRUE.equals(customValue.getValue());
    AnnotationValue nameValue = values.get("value");
    AnnotationValue pathValue = values.get("path");
    String simpleName = subject.substring(1);
    Report.Where atName = new Report.Where(element, reportOn, nameValue)
        .inRepeated(repeatIndex, simpleName, "value");
    Report.Where atPath = new Report.Where(element, reportOn, pathValue == null ? nameValue : pathValue)
        .inRepeated(repeatIndex, simpleName, pathValue == null ? "value" : "path");

    PathResolver.Resolution resolution = paths.resolve(root, path);
    if (!resolution.resolved()) {
      report.add(Message.PATH_UNRESOLVED, atPath, subject, name, resolution.failedSegment(),
          JavaTypes.simpleName(resolution.failedOn()), path,
          Message.typeHas(quoted(resolution.available())));
      names.check(subject, NameChecks.Site.ANNOTATION, name, custom, null, null,
          (kind, message, arguments) -> report.add(kind, message, atName, arguments));
      return new Validated<>(report, Optional.empty());
    }
    TypeMirror valueMirror = resolution.finalType(root);
    Optional<ValueType> valueType = javaTypes.classify(valueMirror);
    String javaType = JavaTypes.simpleName(valueMirror);
    if (valueType.isEmpty()) {
      report.add(Message.UNSUPPORTED_TYPE, path.isEmpty() ? atName : atPath, subject, name, javaType,
          Message.typeHas(supportedProperties(valueMirror)));
    }
    Optional<Conventions.Attribute> known =
        names.check(subject, NameChecks.Site.ANNOTATION, name, custom, valueType.orElse(null),
            javaType, (kind, message, arguments) -> report.add(kind, message, atName, arguments));
    SpanMethod.Source source = parameterIndex < 0
        ? SpanMethod.Source.RESULT
        : path.isEmpty() ? SpanMethod.Source.PARAMETER : SpanMethod.Source.PATH;
    return Validated.of(report, () -> new SpanMethod.Attribute(name, source, parameterIndex,
        parameterName, path, known.map(Conventions.Attribute::type).orElse(valueType.get()),
        valueMirror.toString(), atName));
  }

  private List<String> supportedProperties(TypeMirror type) {
    Map<String, PathResolver.Step> properties = paths.properties(paths.bound(type));
    return properties.values().stream()
        .filter(step -> javaTypes.classify(step.type()).isPresent())
        .map(step -> "'" + step.segment() + "' (" + JavaTypes.simpleName(step.type()) + ")")
        .collect(Collectors.toList());
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(name -> "'" + name + "'").collect(Collectors.toList());
  }
}
