package dev.spanwise.aspect;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.SpanAttribute;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one {@code @Span} method's attributes through {@link PropertyPath}s resolved once, from
 * its annotations: the {@code @SpanAttribute}s from the call's arguments, the {@code
 * ResultAttribute}s from the value it returned or completed with.
 *
 * <p>Never throws: a value that cannot be read is reported to {@link AttributeSink#unreadable}.
 */
final class MethodAttributes {

  /**
   * Return types whose attributes are read from the value they complete with, not from themselves.
   * Named, not referenced, so that Reactor stays optional.
   */
  private static final Set<String> ASYNC_RESULT_TYPES =
      Set.of(
          "java.util.concurrent.CompletableFuture",
          "java.util.concurrent.CompletionStage",
          "reactor.core.publisher.Mono");

  /** Reads nothing: the plan of a method that is not traced. */
  static final MethodAttributes NONE = new MethodAttributes(List.of(), List.of());

  private final Attribute[] arguments;
  private final Attribute[] results;

  private MethodAttributes(List<Attribute> arguments, List<Attribute> results) {
    this.arguments = arguments.toArray(new Attribute[0]);
    this.results = results.toArray(new Attribute[0]);
  }

  static MethodAttributes of(Method method) {
    return of(method, method, method);
  }

  /**
   * Reads the {@code @SpanAttribute}s of {@code parametersFrom}'s parameters and the {@code
   * ResultAttribute}s of {@code resultsFrom}, resolving their paths on {@code implementation}'s
   * declared types: for a span declared on an interface method, the annotations may be the
   * interface's while the implementation declares more specific types ({@code find(String)} for
   * {@code find(ID)}). The three methods have the same parameter count.
   */
  static MethodAttributes of(Method parametersFrom, Method resultsFrom, Method implementation) {
    List<Attribute> arguments = new ArrayList<>();
    Parameter[] parameters = parametersFrom.getParameters();
    Type[] types = implementation.getGenericParameterTypes();
    if (types.length != parameters.length) {
      // A synthetic parameter (an inner class's outer instance): the annotated method's own types.
      types = parametersFrom.getGenericParameterTypes();
    }
    for (int i = 0; i < parameters.length; i++) {
      for (SpanAttribute attribute : parameters[i].getAnnotationsByType(SpanAttribute.class)) {
        PropertyPath path = PropertyPath.resolve(attribute.path(), types[i]);
        arguments.add(Attribute.of(attribute.value(), i, path));
      }
    }
    List<Attribute> results = new ArrayList<>();
    Type resultType = completedValueType(declaredResultType(implementation));
    for (ResultAttribute attribute : resultsFrom.getAnnotationsByType(ResultAttribute.class)) {
      results.add(
          Attribute.of(attribute.value(), -1, PropertyPath.resolve(attribute.path(), resultType)));
    }
    return new MethodAttributes(arguments, results);
  }

  /**
   * The declared return type; for a Kotlin {@code suspend} function, whose JVM return type is
   * {@code Object}, the {@code T} of its last parameter, {@code Continuation<? super T>}.
   */
  static Type declaredResultType(Method method) {
    Type[] parameters = method.getGenericParameterTypes();
    if (parameters.length > 0
        && parameters[parameters.length - 1] instanceof ParameterizedType continuation
        && PropertyPath.rawType(continuation).getName().equals("kotlin.coroutines.Continuation")) {
      Type value = continuation.getActualTypeArguments()[0];
      if (value instanceof WildcardType wildcard) {
        return wildcard.getLowerBounds().length > 0
            ? wildcard.getLowerBounds()[0]
            : wildcard.getUpperBounds()[0];
      }
      return value;
    }
    return method.getGenericReturnType();
  }

  /** For {@code CompletableFuture<T>}, {@code CompletionStage<T>} and {@code Mono<T>}: {@code T}. */
  static Type completedValueType(Type returnType) {
    if (returnType instanceof ParameterizedType generic
        && ASYNC_RESULT_TYPES.contains(PropertyPath.rawType(generic).getName())) {
      return generic.getActualTypeArguments()[0];
    }
    return returnType;
  }

  /** Reads the {@code @SpanAttribute} parameters from the call's arguments. */
  void readArguments(Object[] values, AttributeSink sink) {
    for (Attribute attribute : arguments) {
      attribute.path.read(values[attribute.index], attribute.name, attribute.personal, sink);
    }
  }

  /**
   * As {@link #readArguments(Object[], AttributeSink)}, given the first six arguments one by one
   * (a woven call's, which builds no array); those past the method's parameters are never read.
   */
  void readArguments(
      Object a0, Object a1, Object a2, Object a3, Object a4, Object a5, AttributeSink sink) {
    for (Attribute attribute : arguments) {
      Object value =
          switch (attribute.index) {
            case 0 -> a0;
            case 1 -> a1;
            case 2 -> a2;
            case 3 -> a3;
            case 4 -> a4;
            case 5 -> a5;
            default -> throw new IndexOutOfBoundsException(
                "argument " + attribute.index + " of a call passed six arguments one by one");
          };
      attribute.path.read(value, attribute.name, attribute.personal, sink);
    }
  }

  /** Reads the {@code @ResultAttribute}s from the value the method returned or completed with. */
  void readResult(Object result, AttributeSink sink) {
    for (Attribute attribute : results) {
      attribute.path.read(result, attribute.name, attribute.personal, sink);
    }
  }

  /** Returns whether {@link #readArguments} records anything, so that callers can skip it. */
  boolean readsArguments() {
    return arguments.length > 0;
  }

  /** Returns whether {@link #readResult} records anything, so that callers can skip it. */
  boolean readsResult() {
    return results.length > 0;
  }

  /** One attribute; its name is looked up in the personal-data list once, here. */
  private record Attribute(String name, int index, PropertyPath path, PersonalData.Kind personal) {
    static Attribute of(String name, int index, PropertyPath path) {
      return new Attribute(name, index, path, PersonalData.kindOf(name));
    }
  }
}
