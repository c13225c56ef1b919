package dev.spanwise.aspect;

/**
 * Receives the attribute values that {@link MethodAttributes} and {@link PropertyPath} read. The
 * sink converts them to the types Sentry stores (see {@code SpanAttribute}), so readers hand over
 * values exactly as they read them.
 */
interface AttributeSink {

  /** Records {@code value} under {@code name}; a {@code null} value is left out. */
  void put(String name, Object value);

  /**
   * As {@link #put(String, Object)}, for a name whose personal-data {@code kind} was looked up
   * once, when the method's attributes were resolved, rather than on every call.
   */
  default void put(String name, Object value, PersonalData.Kind kind) {
    put(name, value);
  }

  /**
   * Records that the attribute {@code name} could not be read, and why ({@code "path 'items.size'
   * met null at 'items'"}, or the exception a getter threw). The traced call goes on regardless.
   */
  void unreadable(String name, String reason);
}
