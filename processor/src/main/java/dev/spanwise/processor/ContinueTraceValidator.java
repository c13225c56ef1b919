package dev.spanwise.processor;

import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the {@code @ContinueTrace} parameters of one {@code @Span} method against the rules its
 * Javadoc states: one carrier of both headers, or one {@code sentry-trace} string with at most one
 * {@code baggage} beside it; keys of a {@code Map} carrier, paths of any other carrier resolving to
 * strings.
 */
final class ContinueTraceValidator {

  static final String CONTINUE_TRACE = "dev.spanwise.annotations.ContinueTrace";

  private static final String HEADERS = "HEADERS";
  private static final String SENTRY_TRACE = "SENTRY_TRACE";
  private static final String BAGGAGE = "BAGGAGE";

  private final Types types;
  private final Elements elements;
  private final PathResolver paths;

  ContinueTraceValidator(ProcessingEnvironment env, PathResolver paths) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.paths = paths;
  }

  /** Returns the report about the {@code @ContinueTrace} parameters of one {@code @Span} method. */
  Report validate(ExecutableElement method) {
    Report report = Report.about(method);
    VariableElement carrier = null;
    VariableElement sentryTrace = null;
    VariableElement baggage = null;
    for (VariableElement parameter : method.getParameters()) {
      AnnotationMirror mirror = Annotations.find(parameter, CONTINUE_TRACE);
      if (mirror == null) {
        continue;
      }
      String part = part(mirror);
      VariableElement earlier =
          switch (part) {
            case SENTRY_TRACE -> sentryTrace != null ? sentryTrace : carrier;
            case BAGGAGE -> baggage != null ? baggage : carrier;
            default -> carrier != null ? carrier : sentryTrace != null ? sentryTrace : baggage;
          };
      Report.Where at = new Report.Where(parameter, mirror, Annotations.explicit(mirror, "value"));
      if (earlier != null) {
        report.add(Message.CONTINUE_TRACE_CARRIERS, at, part, parameter.getSimpleName(),
            earlier.getSimpleName());
        continue;
      }
      switch (part) {
        case SENTRY_TRACE -> sentryTrace = parameter;
        case BAGGAGE -> baggage = parameter;
        default -> carrier = parameter;
      }
      if (part.equals(HEADERS)) {
        checkCarrier(parameter, mirror, report);
      } else {
        checkSingleHeader(parameter, mirror, part, report);
      }
    }
    if (baggage != null && sentryTrace == null) {
      AnnotationMirror mirror = Annotations.find(baggage, CONTINUE_TRACE);
      report.add(Message.CONTINUE_TRACE_BAGGAGE_ALONE,
          new Report.Where(baggage, mirror, Annotations.explicit(mirror, "value")),
          baggage.getSimpleName());
    }
    return report;
  }

  private void checkSingleHeader(
      VariableElement parameter, AnnotationMirror mirror, String part, Report report) {
    for (String member : List.of("sentryTrace", "baggage")) {
      String value = Annotations.string(mirror, member);
      if (!value.isEmpty()) {
        report.add(Message.CONTINUE_TRACE_MEMBER_UNUSED,
            new Report.Where(parameter, mirror, Annotations.explicit(mirror, member)), part, member,
            value);
      }
    }
    TypeMirror type = parameter.asType();
    boolean fits = part.equals(BAGGAGE) ? isStringOrStrings(type) : isString(type);
    if (!fits) {
      report.add(Message.CONTINUE_TRACE_TYPE, new Report.Where(parameter, mirror, null), part,
          part.equals(BAGGAGE) ? "String or a collection of Strings" : "String",
          parameter.getSimpleName(), JavaTypes.simpleName(type));
    }
  }

  private void checkCarrier(VariableElement parameter, AnnotationMirror mirror, Report report) {
    TypeMirror type = parameter.asType();
    if (isMap(type)) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      boolean fits =
          arguments.size() == 2 && isString(arguments.get(0)) && isStringOrBytes(arguments.get(1));
      if (!fits) {
        report.add(Message.CONTINUE_TRACE_TYPE, new Report.Where(parameter, mirror, null), HEADERS,
            "Map<String, String> or Map<String, byte[]>", parameter.getSimpleName(),
            JavaTypes.simpleName(type));
      }
      return;
    }
    checkPath(parameter, mirror, "sentryTrace", "sentryTrace", false, report);
    checkPath(parameter, mirror, "baggage", "baggage", true, report);
  }

  private void checkPath(
      VariableElement parameter,
      AnnotationMirror mirror,
      String member,
      String defaultPath,
      boolean mayBeStrings,
      Report report) {
    String explicit = Annotations.string(mirror, member);
    String path = explicit.isEmpty() ? defaultPath : explicit;
    AnnotationValue value = Annotations.explicit(mirror, member);
    Report.Where at = new Report.Where(parameter, mirror, value);
    PathResolver.Resolution resolution = paths.resolve(parameter.asType(), path);
    if (!resolution.resolved()) {
      report.add(Message.CONTINUE_TRACE_PATH, at, member, resolution.failedSegment(),
          JavaTypes.simpleName(resolution.failedOn()), path,
          Message.typeHas(resolution.available().stream().map(name -> "'" + name + "'").toList()));
      return;
    }
    TypeMirror found = resolution.finalType(parameter.asType());
    if (!(mayBeStrings ? isStringOrStrings(found) : isString(found))) {
      report.add(Message.CONTINUE_TRACE_TYPE, at, HEADERS + " " + member,
          mayBeStrings ? "String or a collection of Strings" : "String", path,
          JavaTypes.simpleName(found));
    }
  }

  private static String part(AnnotationMirror mirror) {
    AnnotationValue value = Annotations.explicit(mirror, "value");
    return value == null ? HEADERS : value.getValue().toString();
  }

  private boolean isString(TypeMirror type) {
    return types.isSameType(type, elements.getTypeElement("java.lang.String").asType());
  }

  private boolean isStringOrBytes(TypeMirror type) {
    return isString(type)
        || (type.getKind() == TypeKind.ARRAY
            && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE);
  }

  private boolean isStringOrStrings(TypeMirror type) {
    if (isString(type)) {
      return true;
    }
    TypeMirror collection =
        types.erasure(elements.getTypeElement("java.util.Collection").asType());
    if (type.getKind() != TypeKind.DECLARED
        || !types.isAssignable(types.erasure(type), collection)) {
      return false;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
    return arguments.size() == 1 && isString(arguments.get(0));
  }

  private boolean isMap(TypeMirror type) {
    TypeMirror map = types.erasure(elements.getTypeElement("java.util.Map").asType());
    return type.getKind() == TypeKind.DECLARED && types.isAssignable(types.erasure(type), map);
  }
}
