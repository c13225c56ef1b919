package dev.spanwise.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Resolves a property path on a declared type exactly as the runtime's {@code PropertyPath} does:
 * each segment {@code x} is a record component, a public no-arg method {@code x()}, a getter
 * {@code getX()} or {@code isX()}, or a public field, of the type of what precedes it.
 */
final class PathResolver {

  /** Object's methods are properties of everything; they are not worth listing. */
  private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "toString");

  /** One resolved segment: {@code member} read on a value of {@code owner}, giving {@code type}. */
  record Step(String segment, Element member, TypeMirror owner, TypeMirror type) {

    boolean isField() {
      return member.getKind() == ElementKind.FIELD;
    }
  }

  /** The steps, or the segment that did not resolve and what the type has instead. */
  record Resolution(List<Step> steps, String failedSegment, TypeMirror failedOn, List<String> available) {

    boolean resolved() {
      return failedSegment == null;
    }

    TypeMirror finalType(TypeMirror root) {
      return steps.isEmpty() ? root : steps.get(steps.size() - 1).type();
    }
  }

  private final Types types;
  private final Map<String, Map<String, Step>> propertiesByType = new java.util.HashMap<>();

  PathResolver(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
  }

  Resolution resolve(TypeMirror root, String path) {
    List<Step> steps = new ArrayList<>();
    if (path.isEmpty()) {
      return new Resolution(steps, null, null, List.of());
    }
    TypeMirror current = root;
    for (String segment : path.split("\\.", -1)) {
      TypeMirror owner = bound(current);
      Map<String, Step> properties = properties(owner);
      Step step = segment.isEmpty() ? null : properties.get(segment);
      if (step == null) {
        return new Resolution(steps, segment, current, new ArrayList<>(properties.keySet()));
      }
      steps.add(step);
      current = step.type();
    }
    return new Resolution(steps, null, null, List.of());
  }

  /**
   * The readable properties of {@code type}, by segment, in the order a lookup prefers them;
   * computed once per type and round ({@link #forgetRound()}): a code base reads the same few
   * types on many paths, and listing a JDK type's members walks its whole hierarchy.
   */
  Map<String, Step> properties(TypeMirror type) {
    return propertiesByType.computeIfAbsent(type.toString(), key -> listProperties(type));
  }

  /** Drops what was learnt about types: the next round may see them anew. */
  void forgetRound() {
    propertiesByType.clear();
  }

  private Map<String, Step> listProperties(TypeMirror type) {
    Map<String, Step> properties = new LinkedHashMap<>();
    if (type.getKind() != TypeKind.DECLARED) {
      return properties;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    for (RecordComponentElement component : ElementFilter.recordComponentsIn(element.getEnclosedElements())) {
      ExecutableElement accessor = component.getAccessor();
      properties.put(component.getSimpleName().toString(),
          new Step(component.getSimpleName().toString(), accessor, type, returnType(declared, accessor)));
    }
    List<ExecutableElement> methods = new ArrayList<>();
    List<? extends Element> members = allMembers(element);
    for (Element member : members) {
      if (member instanceof ExecutableElement method && member.getKind() == ElementKind.METHOD
          && method.getModifiers().contains(Modifier.PUBLIC)
          && !method.getModifiers().contains(Modifier.STATIC)
          && method.getParameters().isEmpty() && method.getTypeParameters().isEmpty()
          && method.getReturnType().getKind() != TypeKind.VOID
          && !OBJECT_METHODS.contains(method.getSimpleName().toString())) {
        methods.add(method);
      }
    }
    // x() first, then getX(), then isX() (boolean only), as the runtime tries them.
    for (int pass = 0; pass < 3; pass++) {
      for (ExecutableElement method : methods) {
        String segment = segmentOf(method.getSimpleName().toString(), pass, method.getReturnType());
        if (segment != null) {
          properties.putIfAbsent(segment, new Step(segment, method, type, returnType(declared, method)));
        }
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(members)) {
      if (field.getModifiers().contains(Modifier.PUBLIC) && !field.getModifiers().contains(Modifier.STATIC)) {
        String name = field.getSimpleName().toString();
        properties.putIfAbsent(name, new Step(name, field, type, types.asMemberOf(declared, field)));
      }
    }
    return properties;
  }

  private static String segmentOf(String methodName, int pass, TypeMirror returnType) {
    switch (pass) {
      case 0:
        return methodName;
      case 1:
        return methodName.length() > 3 && methodName.startsWith("get") ? decapitalize(methodName.substring(3)) : null;
      default:
        boolean isBoolean = returnType.getKind() == TypeKind.BOOLEAN
            || returnType.toString().equals("java.lang.Boolean");
        return isBoolean && methodName.length() > 2 && methodName.startsWith("is")
            ? decapitalize(methodName.substring(2)) : null;
    }
  }

  /** The runtime capitalises only the first letter of a segment, so {@code getURL} is not {@code url}. */
  private static String decapitalize(String rest) {
    String segment = rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1);
    String back = segment.substring(0, 1).toUpperCase(Locale.ROOT) + segment.substring(1);
    return back.equals(rest) ? segment : null;
  }

  private List<? extends Element> allMembers(TypeElement element) {
    List<Element> members = new ArrayList<>();
    collectMembers(element.asType(), members, new java.util.HashSet<>());
    return members;
  }

  private void collectMembers(TypeMirror type, List<Element> members, Set<String> seen) {
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    for (Element member : element.getEnclosedElements()) {
      String signature = member.getKind() + " " + member.getSimpleName();
      if ((member.getKind() == ElementKind.METHOD && ((ExecutableElement) member).getParameters().isEmpty()
              || member.getKind() == ElementKind.FIELD)
          && seen.add(signature)) {
        members.add(member);
      }
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      collectMembers(supertype, members, seen);
    }
  }

  private TypeMirror returnType(DeclaredType owner, ExecutableElement method) {
    try {
      return ((ExecutableType) types.asMemberOf(owner, method)).getReturnType();
    } catch (IllegalArgumentException e) {
      return method.getReturnType();
    }
  }

  /** Members are looked up on a type variable's or wildcard's bound. */
  TypeMirror bound(TypeMirror type) {
    if (type.getKind() == TypeKind.TYPEVAR) {
      return bound(((TypeVariable) type).getUpperBound());
    }
    if (type.getKind() == TypeKind.WILDCARD) {
      TypeMirror extendsBound = ((WildcardType) type).getExtendsBound();
      return extendsBound == null ? type : bound(extendsBound);
    }
    if (type.getKind() == TypeKind.INTERSECTION) {
      return bound(((javax.lang.model.type.IntersectionType) type).getBounds().get(0));
    }
    return type;
  }
}
