package dev.spanwise.aspect;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A dot-separated property path ({@code items.size}) resolved once on a declared type, then
 * followed on each call.
 *
 * <p>Each segment {@code x} is, on the declared type of what precedes it: a record component, a
 * public no-arg method {@code x()}, a getter {@code getX()} or {@code isX()}, or a public field.
 * Resolving on the declared type, not on the runtime class, is what makes {@code items.size} work
 * on {@code List.of(...)}: its runtime class is a JDK-internal one whose methods the module system
 * will not let us call, while {@code List.size()} is public.
 */
final class PropertyPath {

  private static final MethodType ACCESSOR = MethodType.methodType(Object.class, Object.class);

  private final String path;
  private final String[] segments;
  private final MethodHandle[] accessors;
  /**
   * The same accessors as plain interface calls where they can be made ({@code null} where not):
   * a method handle that is not a constant is invoked through its lambda forms, several times
   * slower than this.
   */
  private final Function<Object, Object>[] functions;
  private final String unresolved;

  private PropertyPath(String path, String[] segments, MethodHandle[] accessors, String unresolved) {
    this(path, segments, accessors, newFunctions(0), unresolved);
  }

  private PropertyPath(
      String path,
      String[] segments,
      MethodHandle[] accessors,
      Function<Object, Object>[] functions,
      String unresolved) {
    this.path = path;
    this.segments = segments;
    this.accessors = accessors;
    this.functions = functions;
    this.unresolved = unresolved;
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object>[] newFunctions(int length) {
    return (Function<Object, Object>[]) new Function<?, ?>[length];
  }

  /**
   * Resolves {@code path} on {@code declaredType}. A segment that does not resolve is not thrown:
   * each read then reports it, which the processor would have refused at compile time.
   */
  static PropertyPath resolve(String path, Type declaredType) {
    String[] segments = path.isEmpty() ? new String[0] : path.split("\\.", -1);
    MethodHandle[] accessors = new MethodHandle[segments.length];
    Function<Object, Object>[] functions = newFunctions(segments.length);
    Type current = declaredType;
    for (int i = 0; i < segments.length; i++) {
      Class<?> raw = rawType(current);
      Member member = findMember(raw, segments[i]);
      if (member == null) {
        String reason =
            "path '" + path + "': no property '" + segments[i] + "' on " + raw.getTypeName();
        return new PropertyPath(path, segments, accessors, reason);
      }
      try {
        accessors[i] = accessorFor(member);
      } catch (IllegalAccessException | RuntimeException e) {
        String reason =
            "path '" + path + "': '" + segments[i] + "' on " + raw.getTypeName()
                + " is not accessible (" + SpanValues.describe(e) + ")";
        return new PropertyPath(path, segments, accessors, reason);
      }
      functions[i] = functionFor(member);
      current = resolveAgainst(current, genericTypeOf(member));
    }
    return new PropertyPath(path, segments, accessors, functions, null);
  }

  /**
   * Reads the path from {@code root} into {@code sink} under {@code name}: the value, or why it
   * could not be read (a segment met {@code null}, an accessor threw).
   */
  void read(Object root, String name, AttributeSink sink) {
    read(root, name, null, sink);
  }

  /**
   * As {@link #read(Object, String, AttributeSink)}, handing the sink the name's personal-data
   * kind as well, when it is known ({@code personal}; {@code null}: not known).
   */
  void read(Object root, String name, PersonalData.Kind personal, AttributeSink sink) {
    if (unresolved != null) {
      sink.unreadable(name, unresolved);
      return;
    }
    Object value = root;
    for (int i = 0; i < accessors.length; i++) {
      if (value == null) {
        String at = i == 0 ? "the argument" : "'" + segments[i - 1] + "'";
        sink.unreadable(name, "path '" + path + "' met null at " + at);
        return;
      }
      try {
        Function<Object, Object> function = functions[i];
        value = function != null ? function.apply(value) : accessors[i].invokeExact(value);
      } catch (Throwable thrown) {
        if (SpanValues.isFatal(thrown)) {
          throw (VirtualMachineError) thrown;
        }
        sink.unreadable(name, failure(i, thrown));
        return;
      }
    }
    if (personal == null) {
      sink.put(name, value);
    } else {
      sink.put(name, value, personal);
    }
  }

  private String failure(int segment, Throwable thrown) {
    return "path '" + path + "': '" + segments[segment] + "' threw " + SpanValues.describe(thrown);
  }

  private static Member findMember(Class<?> type, String segment) {
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        if (component.getName().equals(segment)) {
          return component.getAccessor();
        }
      }
    }
    String capitalized = segment.substring(0, 1).toUpperCase(Locale.ROOT) + segment.substring(1);
    for (String name : List.of(segment, "get" + capitalized, "is" + capitalized)) {
      Method method = publicNoArgMethod(type, name);
      if (method != null && (!name.startsWith("is") || isBoolean(method.getReturnType()))) {
        return method;
      }
    }
    try {
      Field field = type.getField(segment);
      return Modifier.isStatic(field.getModifiers()) ? null : field;
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  private static boolean isBoolean(Class<?> type) {
    return type == boolean.class || type == Boolean.class;
  }

  private static Method publicNoArgMethod(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      boolean usable =
          !Modifier.isStatic(method.getModifiers()) && method.getReturnType() != void.class;
      return usable ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static MethodHandle accessorFor(Member member) throws IllegalAccessException {
    MethodHandle handle;
    if (member instanceof Method method) {
      makeAccessibleIfHidden(method, method.getDeclaringClass());
      handle = MethodHandles.lookup().unreflect(method);
    } else {
      Field field = (Field) member;
      makeAccessibleIfHidden(field, field.getDeclaringClass());
      handle = MethodHandles.lookup().unreflectGetter(field);
    }
    return handle.asType(ACCESSOR);
  }

  /**
   * The accessor {@code member} as a {@link Function} spun by {@link LambdaMetafactory}, or {@code
   * null}: for a field, a member that needs {@code setAccessible}, or a class this class's loader
   * does not see (the function's class would not link). Made in the member's own class where that
   * is open to us, else here; whatever fails leaves the method handle to do the work.
   */
  private static Function<Object, Object> functionFor(Member member) {
    if (!(member instanceof Method method)
        || !Modifier.isPublic(method.getModifiers())
        || !Modifier.isPublic(method.getDeclaringClass().getModifiers())
        || method.getDeclaringClass().isAnonymousClass()) {
      return null;
    }
    Class<?> owner = method.getDeclaringClass();
    try {
      MethodHandles.Lookup lookup;
      try {
        lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
      } catch (IllegalAccessException | RuntimeException closed) {
        if (!visibleHere(owner)) {
          return null;
        }
        lookup = MethodHandles.lookup();
      }
      MethodHandle target = lookup.unreflect(method);
      Class<?> result = method.getReturnType();
      MethodType instantiated =
          MethodType.methodType(result.isPrimitive() ? boxed(result) : Object.class, owner);
      @SuppressWarnings("unchecked")
      Function<Object, Object> function =
          (Function<Object, Object>)
              LambdaMetafactory.metafactory(
                      lookup,
                      "apply",
                      MethodType.methodType(Function.class),
                      ACCESSOR,
                      target,
                      instantiated)
                  .getTarget()
                  .invoke();
      return function;
    } catch (Throwable e) {
      if (SpanValues.isFatal(e)) {
        throw (VirtualMachineError) e;
      }
      return null;
    }
  }

  private static boolean visibleHere(Class<?> type) {
    try {
      return Class.forName(type.getName(), false, PropertyPath.class.getClassLoader()) == type;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static Class<?> boxed(Class<?> primitive) {
    return MethodType.methodType(primitive).wrap().returnType();
  }

  /**
   * A public member of a non-public class (a package-private record, say) needs {@code
   * setAccessible}; members of public types, the JDK's included, never get it.
   */
  private static void makeAccessibleIfHidden(
      java.lang.reflect.AccessibleObject member, Class<?> declaringClass) {
    if (!Modifier.isPublic(declaringClass.getModifiers()) || declaringClass.isAnonymousClass()) {
      member.trySetAccessible();
    }
  }

  private static Type genericTypeOf(Member member) {
    return member instanceof Method method
        ? method.getGenericReturnType()
        : ((Field) member).getGenericType();
  }

  /**
   * Substitutes the type arguments of {@code owner} into {@code type}: on a {@code Box<Cart>}, a
   * method returning {@code T} returns a {@code Cart}. Anything more involved falls back to the
   * erasure, which is what the processor checks against too.
   */
  private static Type resolveAgainst(Type owner, Type type) {
    if (type instanceof TypeVariable<?> variable && owner instanceof ParameterizedType generic) {
      TypeVariable<?>[] parameters = rawType(generic).getTypeParameters();
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i].getName().equals(variable.getName())
            && parameters[i].getGenericDeclaration().equals(variable.getGenericDeclaration())) {
          return generic.getActualTypeArguments()[i];
        }
      }
    }
    return type;
  }

  static Class<?> rawType(Type type) {
    if (type instanceof Class<?> type1) {
      return type1;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    if (type instanceof GenericArrayType array) {
      return rawType(array.getGenericComponentType()).arrayType();
    }
    if (type instanceof TypeVariable<?> variable) {
      return rawType(variable.getBounds()[0]);
    }
    if (type instanceof WildcardType wildcard) {
      return rawType(wildcard.getUpperBounds()[0]);
    }
    return Object.class;
  }
}
