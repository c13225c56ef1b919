package dev.spanwise.processor;

import java.util.StringJoiner;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The key that names a method in the catalogue as the aspect's {@code MethodKeys} names it:
 * {@code name(java.lang.String,com.shop.Cart$Line,int[])}, erased binary names.
 */
final class MethodKeys {

  private final Types types;
  private final Elements elements;

  MethodKeys(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
  }

  String keyOf(ExecutableElement method) {
    StringJoiner key = new StringJoiner(",", method.getSimpleName() + "(", ")");
    for (VariableElement parameter : method.getParameters()) {
      key.add(binaryName(types.erasure(parameter.asType())));
    }
    return key.toString();
  }

  private String binaryName(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return binaryName(((ArrayType) type).getComponentType()) + "[]";
      case DECLARED:
        return elements.getBinaryName((TypeElement) ((DeclaredType) type).asElement()).toString();
      default:
        return type.toString();
    }
  }
}
