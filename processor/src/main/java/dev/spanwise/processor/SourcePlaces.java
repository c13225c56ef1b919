package dev.spanwise.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Finds where an annotation value is written by walking a class's declarations, not with javac's
 * element-to-tree mapping: that mapping scans the class's whole source for each look-up, and is
 * gone once annotation processing is over, when the listener's calls may still conflict with an
 * annotation. Only the class's members, a method's parameters and their annotations are read.
 *
 * <p>The members are the list taken from the class's tree during processing: once javac has
 * written a class, it empties its tree's member list, but the list taken before still holds them.
 */
final class SourcePlaces {

  private SourcePlaces() {}

  /**
   * The value tree {@code where} points at, declared among {@code members} (a method, or one of a
   * method's parameters); the annotation's tree when the value is not found, null when the
   * annotation is not.
   */
  static Tree find(List<? extends Tree> members, Report.Where where) {
    ModifiersTree modifiers = modifiersOf(members, where.element());
    if (modifiers == null || where.mirror() == null) {
      return null;
    }
    return where.repeatIndex() >= 0
        ? valueIn(modifiers, where.repeatedName(), where.repeatIndex(), where.member())
        : valueIn(modifiers, where.mirror().getAnnotationType().asElement().getSimpleName().toString(),
            0, memberOf(where));
  }

  /**
   * In {@code modifiers}, the {@code index}-th annotation written as {@code simpleName} (or a
   * qualified name ending in it): the value of its {@code member}, or the annotation itself when
   * that member is left to its default; null when there is no such annotation.
   */
  static ExpressionTree valueIn(ModifiersTree modifiers, String simpleName, int index, String member) {
    int seen = 0;
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      if (!isNamed(annotation.getAnnotationType(), simpleName) || seen++ != index) {
        continue;
      }
      List<? extends ExpressionTree> arguments = annotation.getArguments();
      for (ExpressionTree argument : arguments) {
        if (argument instanceof AssignmentTree assignment
            && assignment.getVariable() instanceof IdentifierTree name
            && name.getName().contentEquals(member)) {
          return assignment.getExpression();
        }
      }
      // @A("x") before javac has rewritten it as @A(value = "x").
      if (arguments.size() == 1 && !(arguments.get(0) instanceof AssignmentTree)
          && member.equals("value")) {
        return arguments.get(0);
      }
      return annotation;
    }
    return null;
  }

  private static boolean isNamed(Tree annotationType, String simpleName) {
    return annotationType instanceof IdentifierTree identifier
            ? identifier.getName().contentEquals(simpleName)
        : annotationType instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals(simpleName);
  }

  /** The member of {@code where}'s annotation whose value it points at; "value" when not named. */
  private static String memberOf(Report.Where where) {
    if (where.value() != null) {
      for (var entry : where.mirror().getElementValues().entrySet()) {
        if (entry.getValue() == where.value()) {
          return entry.getKey().getSimpleName().toString();
        }
      }
    }
    return "value";
  }

  /** The modifiers of {@code element}, a method among {@code members} or a parameter of one; or null. */
  private static ModifiersTree modifiersOf(List<? extends Tree> members, Element element) {
    ExecutableElement method;
    int parameter;
    if (element instanceof ExecutableElement executable) {
      method = executable;
      parameter = -1;
    } else if (element instanceof VariableElement variable
        && variable.getEnclosingElement() instanceof ExecutableElement enclosing) {
      method = enclosing;
      parameter = enclosing.getParameters().indexOf(variable);
    } else {
      return null;
    }
    MethodTree tree = methodIn(members, method);
    if (tree == null) {
      return null;
    }
    return parameter < 0 ? tree.getModifiers()
        : parameter < tree.getParameters().size() ? tree.getParameters().get(parameter).getModifiers()
        : null;
  }

  /** The declaration of {@code method} among {@code members}: same name, same parameter names. */
  private static MethodTree methodIn(List<? extends Tree> members, ExecutableElement method) {
    List<? extends VariableElement> parameters = method.getParameters();
    for (Tree member : members) {
      if (member instanceof MethodTree candidate
          && candidate.getName().contentEquals(method.getSimpleName())
          && sameParameterNames(candidate.getParameters(), parameters)) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean sameParameterNames(
      List<? extends VariableTree> declared, List<? extends VariableElement> parameters) {
    if (declared.size() != parameters.size()) {
      return false;
    }
    for (int i = 0; i < declared.size(); i++) {
      if (!declared.get(i).getName().contentEquals(parameters.get(i).getSimpleName())) {
        return false;
      }
    }
    return true;
  }
}
