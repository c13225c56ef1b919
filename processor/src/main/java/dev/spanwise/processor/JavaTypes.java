package dev.spanwise.processor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What span data a Java type becomes, as the runtime's {@code SpanValues} converts it. */
final class JavaTypes {

  private static final Set<String> INTEGRAL =
      Set.of(
          "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
          "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
          "java.math.BigInteger");

  private final Types types;
  private final Elements elements;
  /** The erased JDK supertypes asked about, by name: looking a type up by name searches modules. */
  private final java.util.Map<String, TypeMirror> erasedSupertypes = new java.util.HashMap<>();
  /**
   * Each type's answer, by instance: javac often hands out the same instance for a plain class
   * type ({@code String}, a record) wherever it is written, and those are classified once.
   */
  private final java.util.Map<TypeMirror, Optional<ValueType>> classified = new java.util.HashMap<>();

  JavaTypes(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
  }

  /** Returns the span-data type of {@code type}, or empty when span data cannot hold it. */
  Optional<ValueType> classify(TypeMirror type) {
    Optional<ValueType> known = classified.get(type);
    if (known == null) {
      known = classifyAnew(type);
      classified.put(type, known);
    }
    return known;
  }

  private Optional<ValueType> classifyAnew(TypeMirror type) {
    Optional<ValueType.Scalar> scalar = scalar(type);
    if (scalar.isPresent()) {
      return Optional.of(new ValueType(scalar.get(), false));
    }
    TypeMirror element = null;
    if (type.getKind() == TypeKind.ARRAY) {
      element = ((ArrayType) type).getComponentType();
    } else if (type.getKind() == TypeKind.DECLARED) {
      element = collectionElement((DeclaredType) type);
    }
    return element == null
        ? Optional.empty()
        : scalar(element).map(s -> new ValueType(s, true));
  }

  private Optional<ValueType.Scalar> scalar(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return Optional.of(ValueType.Scalar.BOOLEAN);
      case BYTE: case SHORT: case INT: case LONG:
        return Optional.of(ValueType.Scalar.INTEGER);
      case FLOAT: case DOUBLE:
        return Optional.of(ValueType.Scalar.DOUBLE);
      case CHAR:
        return Optional.of(ValueType.Scalar.STRING);
      case TYPEVAR:
        return scalar(((TypeVariable) type).getUpperBound());
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null ? Optional.empty() : scalar(bound);
      case DECLARED:
        return declaredScalar((DeclaredType) type);
      default:
        return Optional.empty();
    }
  }

  private Optional<ValueType.Scalar> declaredScalar(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (element.getKind() == ElementKind.ENUM || name.equals("java.lang.Character")
        || isSubtype(type, "java.lang.CharSequence")) {
      return Optional.of(ValueType.Scalar.STRING);
    }
    if (name.equals("java.lang.Boolean")) {
      return Optional.of(ValueType.Scalar.BOOLEAN);
    }
    if (INTEGRAL.contains(name)) {
      return Optional.of(ValueType.Scalar.INTEGER);
    }
    if (isSubtype(type, "java.lang.Number")) {
      return Optional.of(ValueType.Scalar.DOUBLE);
    }
    return Optional.empty();
  }

  /** Returns {@code E} of a {@code Collection<E>} subtype, or null (raw, or not a collection). */
  TypeMirror collectionElement(DeclaredType type) {
    if (!isSubtype(type, "java.util.Collection")) {
      return null;
    }
    if (((TypeElement) type.asElement()).getQualifiedName().contentEquals("java.util.Collection")) {
      List<? extends TypeMirror> arguments = type.getTypeArguments();
      return arguments.isEmpty() ? null : arguments.get(0);
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        TypeMirror element = collectionElement((DeclaredType) supertype);
        if (element != null) {
          return element;
        }
      }
    }
    return null;
  }

  private boolean isSubtype(TypeMirror type, String supertype) {
    TypeMirror erased = erasedSupertypes.computeIfAbsent(supertype, name -> {
      TypeElement element = elements.getTypeElement(name);
      return element == null ? null : types.erasure(element.asType());
    });
    return erased != null && types.isSubtype(types.erasure(type), erased);
  }

  /** A short, readable name: {@code String}, {@code List<String>}, {@code int}. */
  static String simpleName(TypeMirror type) {
    return withoutPackages(type.toString());
  }

  /** Drops every lowercase qualifier: {@code java.util.List<shop.Cart>} → {@code List<Cart>}. */
  static String withoutPackages(String name) {
    StringBuilder simple = new StringBuilder(name.length());
    int i = 0;
    while (i < name.length()) {
      char c = name.charAt(i);
      boolean wordStart = i == 0 || !isWordChar(name.charAt(i - 1));
      if (wordStart && c >= 'a' && c <= 'z') {
        int end = i + 1;
        while (end < name.length() && isLowerWordChar(name.charAt(end))) {
          end++;
        }
        if (end < name.length() && name.charAt(end) == '.') {
          i = end + 1;
          continue;
        }
        simple.append(name, i, end);
        i = end;
        continue;
      }
      simple.append(c);
      i++;
    }
    return simple.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static boolean isLowerWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Returns what to record instead, for a message: {@code int, long, Integer or Long}. */
  static String suggestion(ValueType expected) {
    String scalar =
        switch (expected.scalar()) {
          case INTEGER -> "int, long, Integer or Long";
          case DOUBLE -> "double or another number";
          case STRING -> "String, another CharSequence, or an enum";
          case BOOLEAN -> "boolean or Boolean";
          case ANY -> "supported value";
        };
    return expected.array() ? "array or collection of " + scalar : scalar;
  }
}
