package dev.spanwise.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reading annotation mirrors by name, so that the caret can point at one value. */
final class Annotations {

  private Annotations() {}

  static AnnotationMirror find(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (is(mirror, annotation)) {
        return mirror;
      }
    }
    return null;
  }

  /** Whether {@code mirror} is of the annotation named {@code annotation}. */
  static boolean is(AnnotationMirror mirror, String annotation) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName()
        .contentEquals(annotation);
  }

  /** Returns the value written for {@code member}, or null when it is left to its default. */
  static AnnotationValue explicit(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Returns the values written on {@code mirror}, by member name: javac builds its map anew on
   * every {@code getElementValues()}, so a validator that reads several members asks once.
   */
  static Map<String, AnnotationValue> values(AnnotationMirror mirror) {
    Map<String, AnnotationValue> values = new java.util.HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue());
    }
    return values;
  }

  /** Returns the string written for {@code member} in {@code values}, or "" when left to its default. */
  static String string(Map<String, AnnotationValue> values, String member) {
    AnnotationValue value = values.get(member);
    return value == null ? "" : String.valueOf(value.getValue());
  }

  static String string(AnnotationMirror mirror, String member) {
    AnnotationValue value = explicit(mirror, member);
    return value == null ? "" : String.valueOf(value.getValue());
  }

  static boolean bool(AnnotationMirror mirror, String member) {
    AnnotationValue value = explicit(mirror, member);
    return value != null && Boolean.TRUE.equals(value.getValue());
  }

  /**
   * A repeatable annotation: {@code mirror} to read, {@code reportOn} to point messages at (javac
   * finds a repeated annotation's values only through its container).
   */
  record Repeated(AnnotationMirror mirror, AnnotationMirror reportOn) {}

  /** The repeatable annotation's mirrors, written once or through its container. */
  static List<Repeated> repeated(Element element, String annotation, String container) {
    List<Repeated> mirrors = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (is(mirror, annotation)) {
        mirrors.add(new Repeated(mirror, mirror));
      } else if (is(mirror, container)) {
        AnnotationValue values = explicit(mirror, "value");
        if (values != null && values.getValue() instanceof List<?> list) {
          for (Object value : list) {
            mirrors.add(new Repeated((AnnotationMirror) ((AnnotationValue) value).getValue(), mirror));
          }
        }
      }
    }
    return mirrors;
  }
}
