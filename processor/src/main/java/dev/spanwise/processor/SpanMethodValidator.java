package dev.spanwise.processor;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.ResultAttributes;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.annotations.SpanAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * Checks one {@code @Span} method: its op, each attribute, that no name is recorded twice, its
 * {@code @ContinueTrace} parameters and its expected exceptions. Returns the method's model only
 * when all of it is valid.
 */
final class SpanMethodValidator {

  /** Return types whose attributes are read from the value they complete with, as at run time. */
  private static final Set<String> ASYNC_RESULT_TYPES = Set.of(
      "java.util.concurrent.CompletableFuture",
      "java.util.concurrent.CompletionStage",
      "reactor.core.publisher.Mono");

  /** A suspend function's last parameter, as Kotlin compiles it; named: Kotlin is optional. */
  static final String KOTLIN_CONTINUATION = "kotlin.coroutines.Continuation";

  private final OpCheck ops;
  private final AttributeValidator attributes;
  private final ContinueTraceValidator continueTraces;
  private final ExpectedExceptionValidator expectedExceptions;
  private final MethodKeys keys;

  SpanMethodValidator(
      OpCheck ops, AttributeValidator attributes, ContinueTraceValidator continueTraces,
      ExpectedExceptionValidator expectedExceptions, MethodKeys keys) {
    this.ops = ops;
    this.attributes = attributes;
    this.continueTraces = continueTraces;
    this.expectedExceptions = expectedExceptions;
    this.keys = keys;
  }

  /** Returns the report about one {@code @Span} method, with its model when it is valid. */
  Validated<SpanMethod> validate(ExecutableElement method) {
    Report report = Report.about(method);
    report.addSubreport(continueTraces.validate(method));
    report.addSubreport(expectedExceptions.validate(method));
    AnnotationMirror span = Annotations.find(method, Span.class.getName());
    String op = Annotations.string(span, "op");
    Report.Where atOp = new Report.Where(method, span, Annotations.explicit(span, "op"));
    ops.check(op, (kind, message, arguments) -> report.add(kind, message, atOp, arguments));

    Map<String, String> seen = new HashMap<>();
    List<SpanMethod.Attribute> arguments = new ArrayList<>();
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      List<Annotations.Repeated> onParameter = Annotations.repeated(
          parameter, SpanAttribute.class.getName(), SpanAttributes.class.getName());
      for (int r = 0; r < onParameter.size(); r++) {
        Annotations.Repeated attribute = onParameter.get(r);
        int index = attribute.mirror() == attribute.reportOn() ? -1 : r;
        checkDuplicate(parameter, attribute.mirror(), attribute.reportOn(), index, "@SpanAttribute",
            parameter.getSimpleName().toString(), seen, report);
        Validated<SpanMethod.Attribute> validated = attributes.validate("@SpanAttribute", parameter,
            attribute.mirror(), attribute.reportOn(), index, parameter.asType(), i,
            parameter.getSimpleName().toString());
        report.addSubreport(validated.report());
        validated.model().ifPresent(arguments::add);
      }
    }
    List<SpanMethod.Attribute> results = new ArrayList<>();
    TypeMirror completed = completedValueType(declaredResultType(method));
    List<Annotations.Repeated> repeated =
        Annotations.repeated(method, ResultAttribute.class.getName(), ResultAttributes.class.getName());
    for (int i = 0; i < repeated.size(); i++) {
      Annotations.Repeated result = repeated.get(i);
      int index = result.mirror() == result.reportOn() ? -1 : i;
      checkDuplicate(method, result.mirror(), result.reportOn(), index, "@ResultAttribute", null,
          seen, report);
      Validated<SpanMethod.Attribute> validated = attributes.validate("@ResultAttribute", method,
          result.mirror(), result.reportOn(), index, completed, -1, null);
      report.addSubreport(validated.report());
      validated.model().ifPresent(results::add);
    }
    return Validated.of(report, () -> {
      String name = Annotations.string(span, "name");
      if (name.isEmpty()) {
        name = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
      }
      return new SpanMethod(method, keys.keyOf(method), op, name, arguments, results);
    });
  }

  /**
   * The second annotation of one name on a method is an error; {@code parameter} names where it
   * is read from (null for a result attribute).
   */
  private static void checkDuplicate(
      javax.lang.model.element.Element element, AnnotationMirror mirror, AnnotationMirror reportOn,
      int repeatIndex, String subject, String parameter, Map<String, String> seen, Report report) {
    String name = Annotations.string(mirror, "value");
    String first = seen.putIfAbsent(name, parameter == null ? "" : parameter);
    if (first != null) {
      Report.Where where = new Report.Where(element, reportOn, Annotations.explicit(mirror, "value"))
          .inRepeated(repeatIndex, subject.substring(1), "value");
      if (first.isEmpty()) {
        report.add(Message.DUPLICATE_RESULT_NAME, where, subject, name);
      } else {
        report.add(Message.DUPLICATE_NAME, where, subject, name, first);
      }
    }
  }

  /**
   * The method's declared return type, as the aspect reads results from it. For a Kotlin {@code
   * suspend fun}, seen through kapt's stubs (or compiled Kotlin) as returning {@code Object} with a
   * last parameter {@code Continuation<? super T>}: that {@code T}, the type Kotlin declares.
   */
  static TypeMirror declaredResultType(ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    if (parameters.isEmpty()) {
      return method.getReturnType();
    }
    TypeMirror last = parameters.get(parameters.size() - 1).asType();
    if (last.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) last;
      String raw = ((javax.lang.model.element.TypeElement) declared.asElement()).getQualifiedName().toString();
      if (raw.equals(KOTLIN_CONTINUATION) && declared.getTypeArguments().size() == 1) {
        TypeMirror value = declared.getTypeArguments().get(0);
        if (value.getKind() == TypeKind.WILDCARD) {
          WildcardType wildcard = (WildcardType) value;
          TypeMirror bound = wildcard.getSuperBound() != null ? wildcard.getSuperBound() : wildcard.getExtendsBound();
          return bound != null ? bound : method.getReturnType();
        }
        return value;
      }
    }
    return method.getReturnType();
  }

  /** For {@code CompletableFuture<T>}, {@code CompletionStage<T>} and {@code Mono<T>}: {@code T}. */
  static TypeMirror completedValueType(TypeMirror returnType) {
    if (returnType.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) returnType;
      String raw = ((javax.lang.model.element.TypeElement) declared.asElement()).getQualifiedName().toString();
      if (ASYNC_RESULT_TYPES.contains(raw) && declared.getTypeArguments().size() == 1) {
        return declared.getTypeArguments().get(0);
      }
    }
    return returnType;
  }
}
