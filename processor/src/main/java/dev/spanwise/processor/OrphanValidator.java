package dev.spanwise.processor;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.ExpectedExceptions;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.ResultAttributes;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.annotations.SpanAttributes;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;

/**
 * Checks that Spanwise's annotations sit where the aspect reads them: {@code @SpanAttribute} and
 * {@code @ContinueTrace} on a parameter, and {@code @ResultAttribute} and {@code @ExpectedException}
 * on a method, of a {@code @Span} method. Anywhere else nothing would ever read them.
 */
final class OrphanValidator {

  /** Returns the report about one annotated parameter or method; clean when it has {@code @Span}. */
  Report validate(Element element) {
    Report report = Report.about(element);
    if (element.getKind() == ElementKind.METHOD) {
      if (Annotations.find(element, Span.class.getName()) == null) {
        addResults(element, report);
        addExpectedExceptions(element, report);
      }
      return report;
    }
    Element method = element.getEnclosingElement();
    if (element.getKind() != ElementKind.PARAMETER
        || Annotations.find(method, Span.class.getName()) != null) {
      return report;
    }
    List<Annotations.Repeated> spanAttributes = Annotations.repeated(
        element, SpanAttribute.class.getName(), SpanAttributes.class.getName());
    for (int i = 0; i < spanAttributes.size(); i++) {
      Annotations.Repeated attribute = spanAttributes.get(i);
      int index = attribute.mirror() == attribute.reportOn() ? -1 : i;
      report.add(Message.ORPHAN_ATTRIBUTE,
          new Report.Where(element, attribute.reportOn(),
              Annotations.explicit(attribute.mirror(), "value"))
              .inRepeated(index, "SpanAttribute", "value"),
          method.getSimpleName(), Annotations.string(attribute.mirror(), "value"));
    }
    AnnotationMirror continueTrace = Annotations.find(element, ContinueTraceValidator.CONTINUE_TRACE);
    if (continueTrace != null) {
      report.add(Message.ORPHAN_CONTINUE_TRACE, new Report.Where(element, continueTrace, null),
          method.getSimpleName(), element.getSimpleName());
    }
    return report;
  }

  private static void addExpectedExceptions(Element method, Report report) {
    List<Annotations.Repeated> expected = Annotations.repeated(
        method, ExpectedException.class.getName(), ExpectedExceptions.class.getName());
    for (int i = 0; i < expected.size(); i++) {
      Annotations.Repeated annotation = expected.get(i);
      int index = annotation.mirror() == annotation.reportOn() ? -1 : i;
      AnnotationValue value = Annotations.explicit(annotation.mirror(), "value");
      report.add(Message.ORPHAN_EXPECTED_EXCEPTION,
          new Report.Where(method, annotation.reportOn(), value)
              .inRepeated(index, "ExpectedException", "value"),
          method.getSimpleName(),
          value == null ? "" : JavaTypes.simpleName((javax.lang.model.type.TypeMirror) value.getValue()));
    }
  }

  private static void addResults(Element method, Report report) {
    List<Annotations.Repeated> results = Annotations.repeated(
        method, ResultAttribute.class.getName(), ResultAttributes.class.getName());
    for (int i = 0; i < results.size(); i++) {
      Annotations.Repeated result = results.get(i);
      int index = result.mirror() == result.reportOn() ? -1 : i;
      report.add(Message.ORPHAN_RESULT_ATTRIBUTE,
          new Report.Where(method, result.reportOn(), Annotations.explicit(result.mirror(), "value"))
              .inRepeated(index, "ResultAttribute", "value"),
          method.getSimpleName(), Annotations.string(result.mirror(), "value"));
    }
  }
}
