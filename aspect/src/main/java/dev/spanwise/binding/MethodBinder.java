package dev.spanwise.binding;

/**
 * Reads the attributes of one {@code @Span} method. Generated binders read them with plain typed
 * Java; classes compiled without the processor get a reflective one.
 *
 * <p>Implementations never throw: a value that cannot be read is reported to {@link
 * AttributeSink#unreadable}.
 */
public interface MethodBinder {

  /** Reads the {@code @SpanAttribute} parameters from the call's arguments. */
  void bindArguments(Object[] arguments, AttributeSink sink);

  /** Reads the {@code @ResultAttribute}s from the value the method returned. */
  void bindResult(Object result, AttributeSink sink);

  /** Returns whether {@link #bindResult} records anything, so callers can skip it. */
  boolean readsResult();
}
