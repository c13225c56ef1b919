package dev.spanwise.aspect;

import java.lang.reflect.Method;
import java.util.StringJoiner;

/**
 * The key that names a method between the aspect and the generated {@link
 * dev.spanwise.binding.SpanBindings}: {@code name(java.lang.String,com.shop.Cart$Line,int[])}, the
 * parameters' erased types by binary name, arrays with {@code []}.
 */
final class MethodKeys {

  private MethodKeys() {}

  static String keyOf(Method method) {
    StringJoiner parameters = new StringJoiner(",", method.getName() + "(", ")");
    for (Class<?> type : method.getParameterTypes()) {
      parameters.add(type.getTypeName());
    }
    return parameters.toString();
  }
}
