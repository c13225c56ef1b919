package dev.spanwise.processor;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.ExpectedExceptions;
import dev.spanwise.annotations.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks the expected exceptions of one {@code @Span} method ({@code Span.expected()} and {@code
 * @ExpectedException}): each status is one of Sentry's span statuses, and each checked exception
 * is one the method can throw. A method that returns a future or a publisher, or a Kotlin suspend
 * function, may fail with any exception through its result: no exception is "never thrown" there.
 */
final class ExpectedExceptionValidator {

  /** Sentry's span statuses, as {@code io.sentry.SpanStatus} names them, in lowercase. */
  static final List<String> STATUSES = List.of(
      "ok", "cancelled", "internal_error", "unknown", "unknown_error", "invalid_argument",
      "deadline_exceeded", "not_found", "already_exists", "permission_denied",
      "resource_exhausted", "failed_precondition", "aborted", "out_of_range", "unimplemented",
      "unavailable", "data_loss", "unauthenticated");

  /** Results through which any exception, checked or not, may reach the caller. */
  private static final Set<String> FAILING_RESULTS = Set.of(
      "java.util.concurrent.CompletableFuture", "java.util.concurrent.CompletionStage",
      "java.util.concurrent.Future", "reactor.core.publisher.Mono", "reactor.core.publisher.Flux",
      "org.reactivestreams.Publisher", "kotlinx.coroutines.flow.Flow");

  private final Types types;
  private final Elements elements;

  ExpectedExceptionValidator(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
  }

  /** Returns the report about the expected exceptions of {@code method}, a {@code @Span} method. */
  Report validate(ExecutableElement method) {
    Report report = Report.about(method);
    boolean anyFailure = mayFailWithAnything(method);
    AnnotationMirror span = Annotations.find(method, Span.class.getName());
    AnnotationValue expected = span == null ? null : Annotations.explicit(span, "expected");
    if (expected != null && !anyFailure) {
      for (AnnotationValue value : classes(expected)) {
        checkThrown(method, (TypeMirror) value.getValue(), "@Span expected",
            new Report.Where(method, span, value), report);
      }
    }
    List<Annotations.Repeated> repeated = Annotations.repeated(
        method, ExpectedException.class.getName(), ExpectedExceptions.class.getName());
    for (int i = 0; i < repeated.size(); i++) {
      Annotations.Repeated annotation = repeated.get(i);
      int index = annotation.mirror() == annotation.reportOn() ? -1 : i;
      AnnotationValue statusValue = Annotations.explicit(annotation.mirror(), "status");
      if (statusValue != null) {
        checkStatus(String.valueOf(statusValue.getValue()),
            new Report.Where(method, annotation.reportOn(), statusValue)
                .inRepeated(index, "ExpectedException", "status"), report);
      }
      AnnotationValue exception = Annotations.explicit(annotation.mirror(), "value");
      if (exception != null && exception.getValue() instanceof TypeMirror type && !anyFailure) {
        checkThrown(method, type, "@ExpectedException",
            new Report.Where(method, annotation.reportOn(), exception)
                .inRepeated(index, "ExpectedException", "value"), report);
      }
    }
    return report;
  }

  private static void checkStatus(String status, Report.Where where, Report report) {
    if (STATUSES.contains(status)) {
      return;
    }
    List<String> close = STATUSES.stream()
        .filter(known -> EditDistance.isOneTypo(status.toLowerCase(java.util.Locale.ROOT), known)
            || status.equalsIgnoreCase(known))
        .sorted(Comparator.comparingInt((String known) -> EditDistance.between(status, known)))
        .toList();
    if (close.isEmpty()) {
      report.add(Message.EXPECTED_STATUS_UNKNOWN, where, status,
          String.join(", ", STATUSES.stream().map(known -> "'" + known + "'").toList()));
    } else {
      report.add(Message.EXPECTED_STATUS_NEAR_MISS, where, status, Message.alternatives(close));
    }
  }

  /** Warns when {@code exception} is checked and neither it nor a subclass or superclass is declared. */
  private void checkThrown(
      ExecutableElement method, TypeMirror exception, String subject, Report.Where where,
      Report report) {
    if (!isChecked(exception)) {
      return;
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (types.isSubtype(exception, thrown) || types.isSubtype(thrown, exception)) {
        return;
      }
    }
    report.add(Message.EXPECTED_NEVER_THROWN, where, subject, JavaTypes.simpleName(exception),
        method.getSimpleName());
  }

  private boolean isChecked(TypeMirror exception) {
    if (exception.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement runtime = elements.getTypeElement("java.lang.RuntimeException");
    TypeElement error = elements.getTypeElement("java.lang.Error");
    return !types.isSubtype(exception, runtime.asType()) && !types.isSubtype(exception, error.asType());
  }

  private static boolean mayFailWithAnything(ExecutableElement method) {
    TypeMirror result = method.getReturnType();
    if (result.getKind() == TypeKind.DECLARED && FAILING_RESULTS.contains(
        ((TypeElement) ((DeclaredType) result).asElement()).getQualifiedName().toString())) {
      return true;
    }
    return SpanMethodValidator.declaredResultType(method) != result;
  }

  @SuppressWarnings("unchecked")
  private static List<AnnotationValue> classes(AnnotationValue array) {
    Object value = array.getValue();
    return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of(array);
  }
}
