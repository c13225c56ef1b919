package dev.spanwise.processor;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Checks the constant names of mid-call attributes, {@code Spans.current().attribute("name",
 * value)}, with the same rules as the annotations, against the value expression's static type;
 * and names built by a method of {@code spanwise-conventions}, {@code
 * Spans.current().attribute(Http.requestHeader("accept"), value)}, against the family that the
 * method's {@code AttributeTemplate} names (the built name itself when the key is a constant).
 *
 * <p>A javac {@link TaskListener}: it looks at a class when javac has analysed it, so its trees are
 * attributed already and finding a call's method and argument types costs a field read, not an
 * attribution of its own during annotation processing. Only compilation units that import from
 * {@code dev.spanwise} are walked (a call has to name {@code Spans} or {@code SpanHandle}
 * somewhere); the rest of a code base costs nothing. Needs javac's API: with another compiler, or
 * a wrapped processing environment (Gradle's incremental processing), it is not registered.
 */
final class SpanHandleCalls implements TaskListener {

  static final String SPAN_HANDLE = "dev.spanwise.SpanHandle";
  static final String SUBJECT = "Spans.current().attribute";
  /** Marks the methods of {@code spanwise-conventions} that build a name from a {@code <key>}. */
  static final String ATTRIBUTE_TEMPLATE = "dev.spanwise.conventions.AttributeTemplate";

  private final Trees trees;
  private final Supplier<NameChecks> names;
  private final JavaTypes javaTypes;
  private final AttributeTypes types;
  private CompilationUnitTree lastUnit;
  private boolean lastUnitMentions;

  private SpanHandleCalls(Trees trees, Supplier<NameChecks> names, JavaTypes javaTypes, AttributeTypes types) {
    this.trees = trees;
    this.names = names;
    this.javaTypes = javaTypes;
    this.types = types;
  }

  /**
   * Registers the check with javac; returns javac's Trees, or empty when javac's API is not there.
   */
  static Optional<Trees> register(
      ProcessingEnvironment env, Supplier<NameChecks> names, JavaTypes javaTypes, AttributeTypes types) {
    try {
      JavacTask task = JavacTask.instance(env);
      Trees trees = Trees.instance(env);
      task.addTaskListener(new SpanHandleCalls(trees, names, javaTypes, types));
      return Optional.of(trees);
    } catch (IllegalArgumentException | LinkageError e) {
      return Optional.empty();
    }
  }

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null
        || !mentionsSpanwise(event.getCompilationUnit())) {
      return;
    }
    TreePath path = trees.getPath(event.getTypeElement());
    if (path != null) {
      scan(path);
    }
  }

  /** Whether the unit imports from, or belongs to, {@code dev.spanwise}; one answer per unit. */
  private boolean mentionsSpanwise(CompilationUnitTree unit) {
    if (unit == lastUnit) {
      return lastUnitMentions;
    }
    boolean mentions = unit.getPackageName() != null && isSpanwise(unit.getPackageName());
    for (ImportTree anImport : unit.getImports()) {
      mentions |= isSpanwise(anImport.getQualifiedIdentifier());
    }
    lastUnit = unit;
    lastUnitMentions = mentions;
    return mentions;
  }

  /**
   * Whether the name {@code dev.spanwise} or a name in it: read off the tree from its first two
   * identifiers, not printed (which javac does with a pretty-printer, for every import of every
   * class).
   */
  private static boolean isSpanwise(Tree name) {
    Tree second = null;
    Tree first = name;
    while (first instanceof MemberSelectTree select) {
      second = first;
      first = select.getExpression();
    }
    return first instanceof IdentifierTree root && root.getName().contentEquals("dev")
        && second != null && ((MemberSelectTree) second).getIdentifier().contentEquals("spanwise");
  }

  private void scan(TreePath classPath) {
    CompilationUnitTree unit = classPath.getCompilationUnit();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (call.getArguments().size() == 2
            && call.getMethodSelect() instanceof MemberSelectTree select
            && select.getIdentifier().contentEquals("attribute")) {
          check(call, getCurrentPath(), unit);
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(classPath, null);
  }

  private void check(MethodInvocationTree call, TreePath path, CompilationUnitTree unit) {
    Element method = trees.getElement(path);
    if (!(method instanceof ExecutableElement)
        || !(method.getEnclosingElement() instanceof TypeElement owner)
        || !owner.getQualifiedName().contentEquals(SPAN_HANDLE)) {
      return;
    }
    List<? extends ExpressionTree> arguments = call.getArguments();
    String name = constant(arguments.get(0), path);
    Built built = name == null ? built(arguments.get(0), path) : null;
    if (name == null && built == null) {
      return;
    }
    TypeMirror valueType = trees.getTypeMirror(new TreePath(path, arguments.get(1)));
    Optional<ValueType> value = valueType == null ? Optional.empty() : javaTypes.classify(valueType);
    // A wrong type is the value's fault; every other finding is the name's.
    NameChecks.Findings printer = (kind, message, messageArguments) ->
        trees.printMessage(kind, message.format(messageArguments),
            message == Message.TYPE_MISMATCH ? arguments.get(1) : arguments.get(0), unit);
    String javaType = valueType == null ? "?" : JavaTypes.simpleName(valueType);
    if (built == null) {
      names.get().check(SUBJECT, NameChecks.Site.CALL, name, false, value.orElse(null), javaType, printer);
    } else {
      names.get().checkBuilt(SUBJECT, NameChecks.Site.CALL, built.template(), built.key(),
          value.orElse(null), javaType, printer);
      name = built.name();
    }
    if (name != null) {
      String recorded = name;
      value.ifPresent(type -> types.recordCall(SUBJECT, recorded, type,
          Message.callPlace(enclosingMethod(path)), printer));
    }
  }

  /**
   * A name built by a method annotated {@code @AttributeTemplate}: the template, and the key when
   * the method's one argument is a constant ({@code null} otherwise).
   */
  private record Built(String template, String key) {

    /** Returns the built name, or null when the key is not a constant. */
    String name() {
      return key == null ? null : template.replace(Conventions.KEY, key);
    }
  }

  /** The call of a name-building method {@code expression} is, or null. */
  private Built built(ExpressionTree expression, TreePath parent) {
    while (expression instanceof ParenthesizedTree parenthesized) {
      expression = parenthesized.getExpression();
    }
    if (!(expression instanceof MethodInvocationTree invocation) || invocation.getArguments().size() != 1) {
      return null;
    }
    TreePath path = new TreePath(parent, invocation);
    String template = trees.getElement(path) instanceof ExecutableElement method ? template(method) : null;
    return template == null ? null : new Built(template, constant(invocation.getArguments().get(0), path));
  }

  /**
   * The {@code value} of {@code method}'s {@code @AttributeTemplate}, or null. Matched by name:
   * {@code spanwise-conventions} is the application's dependency, not the processor's.
   */
  private static String template(ExecutableElement method) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      if (((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(ATTRIBUTE_TEMPLATE)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> member
            : annotation.getElementValues().entrySet()) {
          if (member.getKey().getSimpleName().contentEquals("value")
              && member.getValue().getValue() instanceof String template) {
            return template;
          }
        }
      }
    }
    return null;
  }

  /** {@code Agent.reply()}: the method (or class) the call is written in. */
  private static String enclosingMethod(TreePath path) {
    String method = null;
    for (TreePath at = path; at != null; at = at.getParentPath()) {
      Tree leaf = at.getLeaf();
      if (method == null && leaf instanceof MethodTree tree) {
        method = tree.getName().toString();
      } else if (leaf instanceof com.sun.source.tree.ClassTree type) {
        return type.getSimpleName() + (method == null ? "" : "." + method + "()");
      }
    }
    return method == null ? "?" : method + "()";
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
