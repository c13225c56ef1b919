package dev.spanwise.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
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
 * The findings about one element, collected before anything is printed, so that generation can
 * depend on whether there were errors. Each points at the element, annotation and value at fault.
 */
final class Report {

  private record Item(Diagnostic.Kind kind, String text, Where where) {}

  private final List<Item> items = new ArrayList<>();

  void add(Message message, Where where, Object... arguments) {
    add(message.kind(), message, where, arguments);
  }

  void add(Diagnostic.Kind kind, Message message, Where where, Object... arguments) {
    items.add(new Item(kind, message.format(arguments), where));
  }

  boolean hasErrors() {
    return items.stream().anyMatch(item -> item.kind() == Diagnostic.Kind.ERROR);
  }

  /** Prints every finding; {@code trees} (or null) places those inside repeated annotations. */
  void printTo(Messager messager, Trees trees) {
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
    int seen = 0;
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      String type = annotation.getAnnotationType().toString();
      if (!type.equals(where.repeatedName()) && !type.endsWith("." + where.repeatedName())) {
        continue;
      }
      if (seen++ != where.repeatIndex()) {
        continue;
      }
      ExpressionTree target = annotation;
      for (ExpressionTree argument : annotation.getArguments()) {
        if (argument instanceof AssignmentTree assignment
            && assignment.getVariable() instanceof IdentifierTree name
            && name.getName().contentEquals(where.member())) {
          target = assignment.getExpression();
        }
      }
      trees.printMessage(item.kind(), item.text(), target, method.getCompilationUnit());
      return true;
    }
    return false;
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
