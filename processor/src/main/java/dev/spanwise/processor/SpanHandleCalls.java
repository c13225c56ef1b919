package dev.spanwise.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the constant names of mid-call attributes, {@code Spans.current().attribute("name",
 * value)}, with the same rules as the annotations, against the value expression's static type.
 * Needs javac's Trees API: with another compiler (or a wrapped environment) it does nothing.
 */
final class SpanHandleCalls {

  static final String SPAN_HANDLE = "dev.spanwise.SpanHandle";
  static final String SUBJECT = "Spans.current().attribute";
  private static final String HINT = "pass the name through a non-constant if it is deliberate";

  private final Trees trees;
  private final NameChecks names;
  private final JavaTypes javaTypes;

  private SpanHandleCalls(Trees trees, NameChecks names, JavaTypes javaTypes) {
    this.trees = trees;
    this.names = names;
    this.javaTypes = javaTypes;
  }

  /** Returns the check, or empty when javac's Trees API is not available. */
  static Optional<SpanHandleCalls> create(ProcessingEnvironment env, NameChecks names, JavaTypes javaTypes) {
    try {
      return Optional.of(new SpanHandleCalls(Trees.instance(env), names, javaTypes));
    } catch (IllegalArgumentException | LinkageError e) {
      return Optional.empty();
    }
  }

  Trees trees() {
    return trees;
  }

  void scan(TypeElement type) {
    TreePath path = trees.getPath(type);
    if (path == null) {
      return;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        // Resolving a call makes javac attribute its method now; in a record's constructor that
        // early pass adds the implicit super() that javac's own later pass then rejects.
        if (method.getName().contentEquals("<init>")
            && getCurrentPath().getParentPath().getLeaf().getKind() == Tree.Kind.RECORD) {
          return null;
        }
        return super.visitMethod(method, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (looksLikeAttributeCall(call)) {
          check(call, getCurrentPath(), unit);
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(path, null);
  }

  /**
   * {@code something.attribute(a, b)}, judged by its shape alone: resolving every call of a
   * compilation unit would make javac attribute all of it during annotation processing, which
   * costs more than the rest of the processor together.
   */
  private static boolean looksLikeAttributeCall(MethodInvocationTree call) {
    return call.getArguments().size() == 2
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("attribute");
  }

  private void check(MethodInvocationTree call, TreePath path, CompilationUnitTree unit) {
    Element method = trees.getElement(path);
    if (!(method instanceof ExecutableElement)
        || !method.getSimpleName().contentEquals("attribute")
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getQualifiedName().contentEquals(SPAN_HANDLE)
        || call.getArguments().size() != 2) {
      return;
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    String name = constant(arguments.get(0), path);
    if (name == null) {
      return;
    }
    TypeMirror valueType = trees.getTypeMirror(new TreePath(path, arguments.get(1)));
    Optional<ValueType> value = valueType == null ? Optional.empty() : javaTypes.classify(valueType);
    names.check(SUBJECT, name, false, HINT, value.orElse(null),
        valueType == null ? "?" : JavaTypes.simpleName(valueType),
        (kind, message, messageArguments) ->
            trees.printMessage(kind, message.format(messageArguments), arguments.get(0), unit));
  }

  /** The value of a compile-time constant string expression, or null. */
  private String constant(ExpressionTree expression, TreePath parent) {
    if (expression instanceof LiteralTree literal) {
      return literal.getValue() instanceof String text ? text : null;
    }
    if (expression instanceof ParenthesizedTree parenthesized) {
      return constant(parenthesized.getExpression(), parent);
    }
    if (expression instanceof BinaryTree binary && expression.getKind() == Tree.Kind.PLUS) {
      String left = constant(binary.getLeftOperand(), parent);
      String right = constant(binary.getRightOperand(), parent);
      return left == null || right == null ? null : left + right;
    }
    Element element = trees.getElement(new TreePath(parent, expression));
    if (element instanceof VariableElement variable && variable.getConstantValue() instanceof String text) {
      return text;
    }
    return null;
  }
}
