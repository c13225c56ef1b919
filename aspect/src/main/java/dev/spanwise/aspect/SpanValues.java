package dev.spanwise.aspect;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Converts attribute values to what Sentry's span data holds: strings, booleans, integers ({@code
 * Integer} or {@code Long}), doubles, and lists of those.
 *
 * <ul>
 *   <li>{@link CharSequence} and {@link Character}: string; enums: {@link Enum#name()};
 *   <li>{@code byte}, {@code short}, {@code int}: {@code Integer}; {@code long}, {@link
 *       AtomicInteger}, {@link AtomicLong} and a {@link BigInteger} that fits: {@code Long};
 *   <li>{@code float}, {@code double}, {@link BigDecimal} and other numbers: {@code Double} (a
 *       {@code float} keeps its decimal digits: {@code 0.7f} becomes {@code 0.7}, not {@code
 *       0.699999988079071});
 *   <li>arrays and collections of the above: a list of at most {@link #MAX_LIST_ELEMENTS}, {@code
 *       null} elements left out.
 * </ul>
 *
 * <p>Anything else, including a collection inside a collection, is rejected with {@link
 * UnsupportedValueException} rather than turned into a string: {@code toString()} of an unknown
 * type may be huge, recursive or throwing.
 */
final class SpanValues {

  /**
   * The most list slots reserved up front: a collection's {@code size()} is only a claim (a lazy
   * view, or a buggy one, may say {@code Integer.MAX_VALUE}), and trusting it would allocate that
   * much before the first element is read.
   */
  private static final int MAX_PRESIZE = 64;

  /**
   * The most elements a list attribute keeps: the first {@value} of a longer array or collection.
   * Span data is for charting and reading, and an unbounded collection would make every
   * transaction that carries it too big to send.
   */
  static final int MAX_LIST_ELEMENTS = 1000;

  private SpanValues() {}

  static Object toSpanData(Object value) {
    Object scalar = toScalar(value);
    if (scalar != null) {
      return scalar;
    }
    if (value instanceof Collection<?> collection) {
      List<Object> list = new ArrayList<>(Math.min(collection.size(), MAX_PRESIZE));
      for (Object element : collection) {
        if (list.size() == MAX_LIST_ELEMENTS) {
          break;
        }
        addElement(list, element);
      }
      return list;
    }
    if (value.getClass().isArray()) {
      int length = Math.min(Array.getLength(value), MAX_LIST_ELEMENTS);
      List<Object> list = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        addElement(list, Array.get(value, i));
      }
      return list;
    }
    throw new UnsupportedValueException(value.getClass());
  }

  private static void addElement(List<Object> list, Object element) {
    if (element == null) {
      return;
    }
    Object scalar = toScalar(element);
    if (scalar == null) {
      throw new UnsupportedValueException(element.getClass());
    }
    list.add(scalar);
  }

  /** Returns the span-data form of a single value, or {@code null} when it is not a scalar. */
  private static Object toScalar(Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Double) {
      return value;
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Number number) {
      return toNumber(number);
    }
    return null;
  }

  private static Object toNumber(Number number) {
    if (number instanceof Byte || number instanceof Short) {
      return number.intValue();
    }
    if (number instanceof AtomicInteger || number instanceof AtomicLong) {
      return number.longValue();
    }
    if (number instanceof BigInteger big) {
      return big.bitLength() < Long.SIZE ? (Object) big.longValue() : (Object) big.doubleValue();
    }
    if (number instanceof Float f) {
      return Double.parseDouble(Float.toString(f));
    }
    return number.doubleValue();
  }

  /**
   * Whether {@code failure} must reach the application rather than be recorded on the span: the
   * JVM itself is failing (out of memory, an internal error). A {@link StackOverflowError} is the
   * value's own fault (a recursive getter or {@code toString}) and is recorded like any other.
   */
  static boolean isFatal(Throwable failure) {
    return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
  }

  /** A short reason for the span: the exception's class and message. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    String type = failure.getClass().getName();
    return message == null ? type : type + ": " + message;
  }

  /** A value of a type span data cannot hold. */
  static final class UnsupportedValueException extends RuntimeException {
    UnsupportedValueException(Class<?> type) {
      super(
          "unsupported value type "
              + type.getName()
              + " (record a string, boolean, number, enum, or a path to one)",
          null,
          false,
          false);
    }
  }
}
