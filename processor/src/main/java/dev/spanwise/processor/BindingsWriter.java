package dev.spanwise.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Writes {@code <BinaryClassName>_SpanwiseBindings}: one class that is both the class's {@code
 * SpanBindings} and, one instance per {@code @Span} method, its {@code MethodBinder}, reading each
 * attribute with plain typed Java, null-safe, with the runtime's reasons. One class rather than a
 * nested class per method: javac's cost grows with the number of classes it writes.
 *
 * <pre>{@code
 * private static void read0_1(Object root, AttributeSink sink) {
 *   if (root == null) { sink.unreadable("cart.item_count", "path 'items.size' met null at the argument"); return; }
 *   var v0 = (Cart) root;
 *   Object value; int segment = 0;
 *   try { var v1 = v0.items(); if (v1 == null) {...} segment = 1; var v2 = v1.size(); value = v2; }
 *   catch (Throwable thrown) { sink.unreadable("cart.item_count", threw("items.size", SEGMENTS[segment], thrown)); return; }
 *   sink.put("cart.item_count", value);
 * }
 * }</pre>
 */
final class BindingsWriter {

  static final String SUFFIX = "_SpanwiseBindings";
  private static final ClassName SPAN_BINDINGS = ClassName.get("dev.spanwise.binding", "SpanBindings");
  private static final ClassName METHOD_BINDER = ClassName.get("dev.spanwise.binding", "MethodBinder");
  private static final ClassName SINK = ClassName.get("dev.spanwise.binding", "AttributeSink");

  private final Elements elements;
  private final Types types;
  private final Accessibility accessibility;

  BindingsWriter(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.accessibility = new Accessibility();
  }

  /** The generated class's name for {@code type}: {@code com.shop.Outer$Inner_SpanwiseBindings}. */
  ClassName bindingsName(TypeElement type) {
    String packageName = elements.getPackageOf(type).getQualifiedName().toString();
    String binary = elements.getBinaryName(type).toString();
    String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    return ClassName.get(packageName, simple + SUFFIX);
  }

  JavaFile write(TypeElement type, List<SpanMethod> methods) {
    ClassName name = bindingsName(type);
    TypeSpec.Builder bindings = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(SPAN_BINDINGS)
        .addSuperinterface(METHOD_BINDER)
        .addOriginatingElement(type)
        .addJavadoc("The attribute binders of {@link $L}'s {@code @Span} methods: one class for all"
            + " of them,\nan instance per method, so that javac compiles one class, not one per"
            + " method.\n", type.getQualifiedName().toString());
    addGenerated(bindings);
    bindings.addField(int.class, "method", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The bindings themselves, which the aspect asks for each method's binder.\n")
            .addStatement("this(-1)")
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(int.class, "method")
            .addStatement("this.method = method")
            .build());
    PackageElement pkg = elements.getPackageOf(type);
    List<SpanMethod> bound = new ArrayList<>();
    for (SpanMethod method : methods) {
      // A binder that javac could not compile (a private type on the path) is left out: the
      // aspect then reads that method reflectively.
      if (accessibility.canRead(method, pkg)) {
        bound.add(method);
      }
    }
    addBinderFor(bindings, name.simpleName(), bound);
    addBinders(bindings, bound);
    addThrew(bindings);
    return JavaFile.builder(name.packageName(), bindings.build()).skipJavaLangImports(true).build();
  }

  private void addGenerated(TypeSpec.Builder bindings) {
    if (elements.getTypeElement("javax.annotation.processing.Generated") != null) {
      bindings.addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", SpanwiseProcessor.class.getName())
          .build());
    }
  }

  private static void addBinderFor(
      TypeSpec.Builder bindings, String className, List<SpanMethod> methods) {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (methodKey)");
    for (int i = 0; i < methods.size(); i++) {
      body.add("case $S:\n", methods.get(i).key())
          .indent().addStatement("return new $L($L)", className, i).unindent();
    }
    body.add("default:\n").indent().addStatement("return null").unindent().endControlFlow();
    bindings.addMethod(MethodSpec.methodBuilder("binderFor")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(METHOD_BINDER)
        .addParameter(String.class, "methodKey")
        .addCode(body.build())
        .build());
  }

  /**
   * The three {@code MethodBinder} methods, each a switch over the instance's method: the
   * attributes of method {@code m} are read by {@code read<m>_<i>} helpers.
   */
  private void addBinders(TypeSpec.Builder bindings, List<SpanMethod> methods) {
    CodeBlock.Builder arguments = CodeBlock.builder().beginControlFlow("switch (method)");
    CodeBlock.Builder results = CodeBlock.builder().beginControlFlow("switch (method)");
    CodeBlock.Builder readsResult = CodeBlock.builder().beginControlFlow("switch (method)");
    for (int m = 0; m < methods.size(); m++) {
      SpanMethod method = methods.get(m);
      arguments.add("case $L: // $L\n", m, method.key()).indent();
      results.add("case $L: // $L\n", m, method.key()).indent();
      List<SpanMethod.Attribute> all = new ArrayList<>(method.arguments());
      all.addAll(method.results());
      for (int i = 0; i < all.size(); i++) {
        SpanMethod.Attribute attribute = all.get(i);
        boolean isResult = attribute.source() == SpanMethod.Source.RESULT;
        String root = isResult ? "result" : "arguments[" + attribute.parameterIndex() + "]";
        CodeBlock.Builder target = isResult ? results : arguments;
        if (attribute.steps().isEmpty()) {
          target.addStatement("sink.put($S, $L)", attribute.name(), root);
        } else {
          String reader = "read" + m + "_" + i;
          target.addStatement("$L($L, sink)", reader, root);
          bindings.addMethod(readMethod(reader, attribute));
        }
      }
      arguments.addStatement("return").unindent();
      results.addStatement("return").unindent();
      if (!method.results().isEmpty()) {
        readsResult.add("case $L:\n", m).indent().addStatement("return true").unindent();
      }
    }
    arguments.add("default:\n").indent().addStatement("return").unindent().endControlFlow();
    results.add("default:\n").indent().addStatement("return").unindent().endControlFlow();
    readsResult.add("default:\n").indent().addStatement("return false").unindent().endControlFlow();
    bindings.addMethod(bindMethod("bindArguments", TypeName.get(Object[].class), "arguments")
            .addCode(arguments.build()).build())
        .addMethod(bindMethod("bindResult", ClassName.OBJECT, "result")
            .addCode(results.build()).build())
        .addMethod(MethodSpec.methodBuilder("readsResult")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addCode(readsResult.build())
            .build());
  }

  private static MethodSpec.Builder bindMethod(String name, TypeName rootType, String root) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(rootType, root)
        .addParameter(SINK, "sink");
  }

  /** Reads one path: a null check before each segment, and one catch naming the failing segment. */
  private MethodSpec readMethod(String name, SpanMethod.Attribute attribute) {
    List<PathResolver.Step> steps = attribute.steps();
    String path = attribute.path();
    MethodSpec.Builder read = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(Object.class, "root")
        .addParameter(SINK, "sink");
    // A type variable cannot be named here: its erasure can, and is what the path was checked on.
    TypeMirror rootType = mentionsTypeVariable(attribute.rootType())
        ? types.erasure(attribute.rootType()) : attribute.rootType();
    if (hasTypeArguments(rootType)) {
      read.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    read.beginControlFlow("if (root == null)")
        .addStatement("sink.unreadable($S, $S)", attribute.name(), "path '" + path + "' met null at the argument")
        .addStatement("return")
        .endControlFlow()
        .addStatement("var v0 = ($T) root", TypeName.get(rootType).box())
        .addStatement("$T value", Object.class)
        .addStatement("int segment = 0")
        .beginControlFlow("try");
    for (int i = 0; i < steps.size(); i++) {
      PathResolver.Step step = steps.get(i);
      if (i > 0) {
        read.addStatement("segment = $L", i);
      }
      String member = step.member().getSimpleName().toString();
      read.addStatement(step.isField() ? "var v$L = v$L.$L" : "var v$L = v$L.$L()", i + 1, i, member);
      if (i < steps.size() - 1 && !step.type().getKind().isPrimitive()) {
        read.beginControlFlow("if (v$L == null)", i + 1)
            .addStatement("sink.unreadable($S, $S)", attribute.name(),
                "path '" + path + "' met null at '" + step.segment() + "'")
            .addStatement("return")
            .endControlFlow();
      }
    }
    CodeBlock segments = CodeBlock.of("new String[] {$L}",
        String.join(", ", steps.stream().map(step -> CodeBlock.of("$S", step.segment()).toString()).toList()));
    return read.addStatement("value = v$L", steps.size())
        .nextControlFlow("catch ($T thrown)", Throwable.class)
        .addStatement("sink.unreadable($S, threw($S, $L[segment], thrown))", attribute.name(), path, segments)
        .addStatement("return")
        .endControlFlow()
        .addStatement("sink.put($S, value)", attribute.name())
        .build();
  }

  private static boolean mentionsTypeVariable(TypeMirror type) {
    if (type.getKind() == TypeKind.TYPEVAR) {
      return true;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return mentionsTypeVariable(((javax.lang.model.type.ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((javax.lang.model.type.WildcardType) type).getExtendsBound();
      TypeMirror lower = ((javax.lang.model.type.WildcardType) type).getSuperBound();
      return bound != null && mentionsTypeVariable(bound) || lower != null && mentionsTypeVariable(lower);
    }
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).getTypeArguments().stream().anyMatch(BindingsWriter::mentionsTypeVariable);
  }

  private static boolean hasTypeArguments(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty();
  }

  /** The runtime's reason for a throwing segment; errors the JVM cannot go on from pass. */
  private static void addThrew(TypeSpec.Builder bindings) {
    bindings.addMethod(MethodSpec.methodBuilder("threw")
        .addModifiers(Modifier.STATIC)
        .returns(String.class)
        .addParameter(String.class, "path")
        .addParameter(String.class, "segment")
        .addParameter(Throwable.class, "thrown")
        .beginControlFlow("if (thrown instanceof $T && !(thrown instanceof $T))",
            VirtualMachineError.class, StackOverflowError.class)
        .addStatement("throw ($T) thrown", VirtualMachineError.class)
        .endControlFlow()
        .addStatement("$T message = thrown.getMessage()", String.class)
        .addStatement("$T type = thrown.getClass().getName()", String.class)
        .addStatement("return \"path '\" + path + \"': '\" + segment + \"' threw \""
            + " + (message == null ? type : type + \": \" + message)")
        .build());
  }

  /** Whether generated code in the class's package may name each type and member it reads. */
  static final class Accessibility {

    boolean canRead(SpanMethod method, PackageElement pkg) {
      List<SpanMethod.Attribute> all = new ArrayList<>(method.arguments());
      all.addAll(method.results());
      for (SpanMethod.Attribute attribute : all) {
        if (attribute.steps().isEmpty()) {
          continue;
        }
        if (!typeAccessible(attribute.rootType(), pkg)) {
          return false;
        }
        for (PathResolver.Step step : attribute.steps()) {
          if (!typeAccessible(step.owner(), pkg) || !memberAccessible(step.member(), pkg)) {
            return false;
          }
        }
      }
      return true;
    }

    private boolean typeAccessible(TypeMirror type, PackageElement pkg) {
      if (type.getKind() == TypeKind.ARRAY) {
        return typeAccessible(((javax.lang.model.type.ArrayType) type).getComponentType(), pkg);
      }
      if (type.getKind() != TypeKind.DECLARED) {
        return type.getKind().isPrimitive() || type.getKind() == TypeKind.TYPEVAR
            || type.getKind() == TypeKind.WILDCARD;
      }
      for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
        if (!typeAccessible(argument, pkg)) {
          return false;
        }
      }
      for (Element e = ((DeclaredType) type).asElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
        NestingKind nesting = ((TypeElement) e).getNestingKind();
        if (!memberAccessible(e, pkg) || nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
          return false;
        }
      }
      return true;
    }

    private static boolean memberAccessible(Element element, PackageElement pkg) {
      if (element.getModifiers().contains(Modifier.PUBLIC)) {
        return true;
      }
      if (element.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
      Element owner = element;
      while (!(owner instanceof PackageElement)) {
        owner = owner.getEnclosingElement();
      }
      return owner.equals(pkg);
    }
  }
}
