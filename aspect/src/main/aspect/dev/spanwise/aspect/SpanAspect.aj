package dev.spanwise.aspect;

import org.aspectj.lang.annotation.SuppressAjWarnings;

/**
 * Traces every execution of a {@code @Span} method as a Sentry span: the aspect that build-time
 * weaving (ajc, with {@code spanwise-aspect} as an aspect library) and the load-time weaver
 * ({@code META-INF/aop.xml}) apply. Spring applies {@code SpanAdvisor} instead.
 *
 * <p>Written in AspectJ's code style, not its annotation style, for one reason: its advice uses no
 * join point. An annotation-style {@code @Around} advice takes a {@code ProceedingJoinPoint},
 * which AspectJ builds at every call before the advice runs (about 224 bytes and 25 ns for a
 * three-argument method), traced or not. Here ajc inlines the advice into the woven method and
 * {@code proceed} is a plain call: with Sentry off, an excluded method or an unsampled trace, the
 * call costs a few checks and allocates nothing (a primitive argument is boxed for the binding,
 * and the JIT removes the box when the branch that keeps it is not taken). The load-time weaver
 * inlines it the same way into every class, because this module is built with
 * {@code -XnotReweavable}: the weaver keeps only the unwoven bytes of a reweavable aspect, and
 * inlines no advice of an aspect it does not know as woven, so the classes loaded before this one
 * would run the advice through a closure.
 *
 * <p>Without a join point the arguments are bound by position, so there is one advice per
 * parameter count, each the same four steps; {@link JoinPointSpanAspect} takes the methods with
 * more parameters than the last one binds, and the ones that need a join point for other reasons
 * (reactive and Kotlin results, {@code @ContinueTrace}). Each advice:
 *
 * <ol>
 *   <li>starts the span, or gets {@code null} and just proceeds ({@link SpanTracer#startWoven});
 *   <li>hands over the arguments one by one, padded with {@code null} to six (no array is built),
 *       only when a sampled span reads them (the advice without arguments skips this);
 *   <li>proceeds, and on a throw finishes the span with it and rethrows it unchanged;
 *   <li>finishes the span with the result, or when a {@code CompletionStage} completes.
 * </ol>
 *
 * <p>Keep the advice bodies identical but for their arguments, and the last parameter count in
 * step with {@link JoinPointSpanAspect#MOST_PARAMETERS_WITHOUT_JOIN_POINT}.
 */
public aspect SpanAspect {

  // Each advice is marked @SuppressAjWarnings("adviceDidNotMatch"): a program need not have a
  // @Span method of every parameter count, and ajc would otherwise warn, in the application's
  // build, about each count it lacks.

  /** What this aspect traces: every {@code @Span} execution that needs no join point. */
  pointcut traced(): JoinPointSpanAspect.spanExecution() && !JoinPointSpanAspect.needsJoinPoint();

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(): traced() && args() {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed();
    }
    // No arguments, so none to read.
    Object result;
    try {
      result = proceed();
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a): traced() && args(a) {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed(a);
    }
    if (SpanTracer.readsArguments(span)) {
      SpanTracer.readArguments(span, a, null, null, null, null, null);
    }
    Object result;
    try {
      result = proceed(a);
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a, Object b): traced() && args(a, b) {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed(a, b);
    }
    if (SpanTracer.readsArguments(span)) {
      SpanTracer.readArguments(span, a, b, null, null, null, null);
    }
    Object result;
    try {
      result = proceed(a, b);
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a, Object b, Object c): traced() && args(a, b, c) {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed(a, b, c);
    }
    if (SpanTracer.readsArguments(span)) {
      SpanTracer.readArguments(span, a, b, c, null, null, null);
    }
    Object result;
    try {
      result = proceed(a, b, c);
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a, Object b, Object c, Object d): traced() && args(a, b, c, d) {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed(a, b, c, d);
    }
    if (SpanTracer.readsArguments(span)) {
      SpanTracer.readArguments(span, a, b, c, d, null, null);
    }
    Object result;
    try {
      result = proceed(a, b, c, d);
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a, Object b, Object c, Object d, Object e): traced() && args(a, b, c, d, e) {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed(a, b, c, d, e);
    }
    if (SpanTracer.readsArguments(span)) {
      SpanTracer.readArguments(span, a, b, c, d, e, null);
    }
    Object result;
    try {
      result = proceed(a, b, c, d, e);
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a, Object b, Object c, Object d, Object e, Object f): traced() && args(a, b, c, d, e, f) {
    TracedSpan span = SpanTracer.startWoven(thisJoinPointStaticPart);
    if (span == null) {
      return proceed(a, b, c, d, e, f);
    }
    if (SpanTracer.readsArguments(span)) {
      SpanTracer.readArguments(span, a, b, c, d, e, f);
    }
    Object result;
    try {
      result = proceed(a, b, c, d, e, f);
    } catch (Throwable thrown) {
      throw SpanTracer.rethrow(SpanTracer.failed(span, thrown));
    }
    return SpanTracer.returned(span, result);
  }
}
