package dev.spanwise.processor;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * What one validator found about one element ({@link #about}), with the reports of the validators
 * it asked about parts of it ({@link #addSubreport}): collected before anything is printed, so that
 * whether a model is recorded depends on {@link #isClean()}, never on counting errors before and
 * after. Each finding points at the element, annotation and value at fault.
 */
final class Report {

  private record Item(Diagnostic.Kind kind, String text, Where where) {}

  private final Element subject;
  private final List<Item> items = new ArrayList<>();
  private final List<Report> subreports = new ArrayList<>();

  private Report(Element subject) {
    this.subject = subject;
  }

  /** Returns an empty report about {@code subject}. */
  static Report about(Element subject) {
    return new Report(subject);
  }

  /** Returns the element this report is about. */
  Element subject() {
    return subject;
  }

  Report add(Message message, Where where, Object... arguments) {
    return add(message.kind(), message, where, arguments);
  }

  Report add(Diagnostic.Kind kind, Message message, Where where, Object... arguments) {
    items.add(new Item(kind, message.format(arguments), where));
    return this;
  }

  /** Adds what a validator found about a part of this report's element. */
  Report addSubreport(Report subreport) {
    subreports.add(subreport);
    return this;
  }

  /** Returns whether neither this report nor any of its subreports has an error. */
  boolean isClean() {
    for (Item item : items) {
      if (item.kind() == Diagnostic.Kind.ERROR) {
        return false;
      }
    }
    for (Report subreport : subreports) {
      if (!subreport.isClean()) {
        return false;
      }
    }
    return true;
  }

  /** Prints every finding, subreports' included; {@code trees} (or null) places those inside repeated annotations. */
  void printTo(Messager messager, Trees trees) {
    for (Report subreport : subreports) {
      subreport.printTo(messager, trees);
    }
    for (Item item : items) {
      Where where = item.where();
      if (where.repeatIndex() >= 0 && trees != null && printInRepeated(trees, item)) {
        continue;
      }
      if (where.mirror() == null) {
        messager.printMessage(item.kind(), item.text(), where.element());
      } else if (where.value() == null) {
        messager.printMessage(item.kind(), item.text(), where.element(), where.mirror());
      } else {
        messager.printMessage(item.kind(), item.text(), where.element(), where.mirror(), where.value());
      }
    }
  }

  /**
   * javac cannot place a value of a repeated annotation, which it reads through a synthesized
   * container: find the n-th such annotation in the method's (or parameter's) source instead.
   */
  private static boolean printInRepeated(Trees trees, Item item) {
    Where where = item.where();
    TreePath method = trees.getPath(where.element());
    ModifiersTree modifiers;
    if (method != null && method.getLeaf() instanceof MethodTree tree) {
      modifiers = tree.getModifiers();
    } else if (method != null && method.getLeaf() instanceof VariableTree parameter) {
      modifiers = parameter.getModifiers();
    } else {
      return false;
    }
    ExpressionTree target =
        SourcePlaces.valueIn(modifiers, where.repeatedName(), where.repeatIndex(), where.member());
    if (target == null) {
      return false;
    }
    trees.printMessage(item.kind(), item.text(), target, method.getCompilationUnit());
    return true;
  }

  /**
   * Where a finding points: an element, and optionally an annotation on it and one of its values;
   * for the {@code repeatIndex}-th repeated annotation {@code repeatedName}, its {@code member}.
   */
  record Where(Element element, AnnotationMirror mirror, AnnotationValue value, int repeatIndex,
      String repeatedName, String member) {

    Where(Element element, AnnotationMirror mirror, AnnotationValue value) {
      this(element, mirror, value, -1, null, null);
    }

    Where inRepeated(int index, String simpleName, String memberName) {
      return new Where(element, mirror, value, index, simpleName, memberName);
    }
  }
}
