package dev.spanwise.processor;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The findings about one element, collected before anything is printed, so that generation can
 * depend on whether there were errors. Each points at the element, annotation and value at fault.
 */
final class Report {

  private record Item(
      Diagnostic.Kind kind, String text, Element element, AnnotationMirror mirror,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  void add(Message message, Where where, Object... arguments) {
    add(message.kind(), message, where, arguments);
  }

  void add(Diagnostic.Kind kind, Message message, Where where, Object... arguments) {
    items.add(new Item(kind, message.format(arguments), where.element(), where.mirror(), where.value()));
  }

  boolean hasErrors() {
    return items.stream().anyMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  void printTo(Messager messager) {
    for (Item item : items) {
      if (item.mirror() == null) {
        messager.printMessage(item.kind(), item.text(), item.element());
      } else if (item.value() == null) {
        messager.printMessage(item.kind(), item.text(), item.element(), item.mirror());
      } else {
        messager.printMessage(item.kind(), item.text(), item.element(), item.mirror(), item.value());
      }
    }
  }

  /** Where a finding points: an element, and optionally an annotation on it and one of its values. */
  record Where(Element element, AnnotationMirror mirror, AnnotationValue value) {}
}
