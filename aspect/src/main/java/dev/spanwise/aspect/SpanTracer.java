package dev.spanwise.aspect;

import io.sentry.IScopes;
import io.sentry.Sentry;
import java.lang.reflect.Method;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * Traces calls of {@link dev.spanwise.annotations.Span @Span} methods as Sentry spans: the one
 * engine behind every way in. {@code SpanAspect} (build-time weaving with ajc, and the load-time
 * weaver) and {@link JoinPointSpanAspect} call it from woven code; Spring Boot's auto-configuration
 * through {@code SpanAdvisor} and {@link SpanInterceptor}. It is not itself an aspect, so neither
 * ajc nor Spring ever applies it twice.
 *
 * <p>The tracing never changes what the method returns or throws: the work around the call
 * reports its own failures on the span instead of throwing.
 *
 * <p>Which {@code @Span} applies (the method's own, or an interface method's it implements) and
 * whether {@code spanwise.exclude} switches it off is decided once per method, in its plan ({@link
 * SpanPlans}, {@link SpanExclusions}).
 */
public class SpanTracer {

  private final SpanPlans plans;
  /** The woven methods' plans, by their join point's static part: one look-up per call. */
  private final ConcurrentMap<JoinPoint.StaticPart, SpanPlan> wovenPlans =
      new ConcurrentHashMap<>();

  /** Creates the tracer with the process-wide plan cache, which woven code uses. */
  public SpanTracer() {
    this(SpanPlans.shared());
  }

  /**
   * Creates the tracer with its own plans, excluding what {@code exclusions} name instead of what
   * the system property or environment variable does: Spring's auto-configuration passes {@code
   * spanwise.exclude}.
   */
  public SpanTracer(SpanExclusions exclusions) {
    this(new SpanPlans(java.util.Objects.requireNonNull(exclusions, "exclusions")));
  }

  SpanTracer(SpanPlans plans) {
    this.plans = plans;
  }

  /** The tracer of woven code, with the process-wide plans. */
  static SpanTracer woven() {
    return Woven.TRACER;
  }

  private static final class Woven {
    static final SpanTracer TRACER = new SpanTracer();
  }

  SpanPlans plans() {
    return plans;
  }

  /**
   * Wraps one call, given as AspectJ's join point, in a span: for the woven methods that need one
   * ({@link JoinPointSpanAspect}) and woven calls through an interface ({@link
   * InterfaceSpanAspect}).
   */
  Object trace(ProceedingJoinPoint joinPoint) throws Throwable {
    // Sentry off (not initialised, or closed): the call costs one check and nothing else.
    IScopes scopes = Sentry.getCurrentScopes();
    if (!scopes.isEnabled()) {
      return joinPoint.proceed();
    }
    Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
    SpanPlan plan = plans.planFor(method, joinPoint.getTarget());
    if (!plan.traced()) {
      // Excluded (spanwise.exclude): as with Sentry off.
      return joinPoint.proceed();
    }
    if (plan.resultKind().tracedApart()) {
      return traceApart(plan, scopes, joinPoint);
    }
    TracedSpan span = TracedSpan.start(plan, scopes, joinPoint);
    if (span == null) {
      return joinPoint.proceed();
    }
    Object result;
    try {
      result = joinPoint.proceed();
    } catch (Throwable thrown) {
      throw failed(span, thrown);
    }
    return returned(plan, span, result);
  }

  // ---- For SpanAspect's advice, which ajc inlines into the woven classes: public because those
  // classes call them, but not API.

  /**
   * Starts the span of one call of a woven method, {@code SpanAspect}'s, and makes it current;
   * returns {@code null} when Sentry is off, the method is excluded, or the trace is not sampled.
   * The caller then hands over the arguments, only if {@link TracedSpan#readsArguments()}: that
   * way a call that records nothing builds no array and boxes nothing.
   *
   * <p>Only for the methods {@link JoinPointSpanAspect} leaves to {@code SpanAspect}: no {@code
   * @ContinueTrace} parameter (its trace is read from the arguments before the span starts), and a
   * result ended on return or on completion of a {@code CompletionStage}.
   */
  public static TracedSpan startWoven(JoinPoint.StaticPart call) {
    IScopes scopes = Sentry.getCurrentScopes();
    if (!scopes.isEnabled()) {
      return null;
    }
    SpanPlan plan;
    try {
      plan = woven().wovenPlan(call);
    } catch (RuntimeException | LinkageError e) {
      // AspectJ could not name the method (getMethod() is null when reflection cannot find it):
      // the call runs untraced rather than fail.
      return null;
    }
    if (!plan.traced() || plan.resultKind().tracedApart() || plan.continuation() != null) {
      // Excluded; or, for the other two, a method the pointcuts would have sent elsewhere.
      return null;
    }
    return TracedSpan.startWithoutArguments(plan, scopes);
  }

  /**
   * Returns whether {@code span} records the call's arguments, so that {@code SpanAspect} boxes
   * them into an array only then; see {@link TracedSpan#readsArguments()}.
   */
  public static boolean readsArguments(TracedSpan span) {
    return span.readsArguments();
  }

  /**
   * Records the {@code @SpanAttribute}s of a woven call's arguments on {@code span}: the first six,
   * one by one, so that the call builds no array; those past the method's parameters are {@code
   * null} and never read.
   */
  public static void readArguments(
      TracedSpan span, Object a0, Object a1, Object a2, Object a3, Object a4, Object a5) {
    span.readArguments(a0, a1, a2, a3, a4, a5);
  }

  /**
   * Records the {@code @SpanAttribute}s of a woven call's {@code arguments} on {@code span}: what
   * classes woven by an earlier {@code SpanAspect} call (its advice is inlined into them, so this
   * is their link to the aspect until they are woven again).
   */
  public static void readArguments(TracedSpan span, Object[] arguments) {
    span.readArguments(arguments);
  }

  private SpanPlan wovenPlan(JoinPoint.StaticPart call) {
    SpanPlan plan = wovenPlans.get(call);
    if (plan == null) {
      Method method = ((MethodSignature) call.getSignature()).getMethod();
      plan = wovenPlans.computeIfAbsent(call, c -> plans.planFor(method, null));
    }
    return plan;
  }

  /**
   * Throws {@code thrown}, checked or not, for {@code SpanAspect}, whose code-style advice may not
   * declare {@code throws Throwable}: it is what the woven method itself threw, so the method
   * declares it or could throw it unchecked. Returns nothing; typed so that callers can write
   * {@code throw rethrow(e)}.
   */
  @SuppressWarnings("unchecked")
  public static <T extends Throwable> RuntimeException rethrow(Throwable thrown) throws T {
    throw (T) thrown;
  }

  /**
   * After a woven call, {@code SpanAspect}'s, returned {@code result}: as {@link #returned}, with
   * the plan the span was started with.
   */
  public static Object returned(TracedSpan span, Object result) {
    return returned(span.plan(), span, result);
  }

  /**
   * After the call threw {@code thrown}: finishes the span with it and gives the scope back;
   * returns {@code thrown}, unchanged, to be rethrown. Every way in ends a call through here.
   */
  public static Throwable failed(TracedSpan span, Throwable thrown) {
    span.failed(thrown);
    span.leave();
    return thrown;
  }

  // ---- For every way in.

  /**
   * After the call returned {@code result}: finishes the span now or when the result completes,
   * and gives the scope back; returns what the caller gets. Every way in ends a call through here.
   */
  static Object returned(SpanPlan plan, TracedSpan span, Object result) {
    try {
      return plan.resultKind() == ResultKind.COMPLETION_STAGE
          ? FutureResults.finishOnCompletion(span, result, plan.returnType())
          : span.succeeded(result);
    } finally {
      span.leave();
    }
  }

  /**
   * Returns whether a call of {@code method} on an instance of {@code targetClass} is traced: it
   * or an interface method it implements has a {@code @Span}, and it is not excluded. For Spring's
   * pointcut ({@code SpanAdvisor}).
   */
  public boolean traces(Method method, Class<?> targetClass) {
    return plans.traces(method, targetClass);
  }

  /** The kinds whose span is not the call's: per subscription, per collection, per coroutine. */
  static Object traceApart(SpanPlan plan, IScopes scopes, ProceedingJoinPoint joinPoint)
      throws Throwable {
    return switch (plan.resultKind()) {
      case PUBLISHER -> ReactorResults.traceEachSubscription(plan, scopes, joinPoint);
      case SUSPEND -> SuspendResults.traceCoroutine(plan, scopes, joinPoint);
      case FLOW -> FlowResults.traceEachCollection(plan, joinPoint);
      default -> joinPoint.proceed();
    };
  }
}
