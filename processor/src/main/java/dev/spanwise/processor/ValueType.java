package dev.spanwise.processor;

/**
 * A type span data holds: a scalar, or an array of one; {@code ANY} for the conventions' {@code
 * any}. Both the registry's types and the Java types the processor classifies are described this
 * way, so that compatibility is one method.
 */
record ValueType(Scalar scalar, boolean array) {

  /** What one value is. */
  enum Scalar {
    STRING,
    BOOLEAN,
    INTEGER,
    /** Floating point, or a number of no known integral kind. */
    DOUBLE,
    ANY
  }

  static final ValueType ANY = new ValueType(Scalar.ANY, false);

  /** Parses the registry's spelling: {@code string}, {@code integer[]}, {@code any}. */
  static ValueType parse(String spelling) {
    boolean array = spelling.endsWith("[]");
    String scalar = array ? spelling.substring(0, spelling.length() - 2) : spelling;
    return new ValueType(Scalar.valueOf(scalar.toUpperCase(java.util.Locale.ROOT)), array);
  }

  /** Returns whether a Java value of type {@code java} can be recorded where this type is expected. */
  boolean accepts(ValueType java) {
    if (scalar == Scalar.ANY) {
      return true;
    }
    if (array != java.array) {
      return false;
    }
    return switch (scalar) {
      case DOUBLE -> java.scalar == Scalar.DOUBLE || java.scalar == Scalar.INTEGER;
      default -> java.scalar == scalar;
    };
  }

  /** The registry's spelling, as the catalogue and messages show it. */
  @Override
  public String toString() {
    return scalar.name().toLowerCase(java.util.Locale.ROOT) + (array ? "[]" : "");
  }
}
