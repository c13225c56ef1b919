package dev.spanwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Traces each call of the annotated method as a Sentry span.
 *
 * <pre>{@code
 * @Span(op = "commerce.payment", name = "Charge Payment Provider")
 * public Charge charge(@SpanAttribute("payment.provider") String provider) { ... }
 * }</pre>
 *
 * <p>At run time ({@code spanwise-aspect}, through Spring AOP or AspectJ weaving):
 *
 * <ul>
 *   <li>the span is a child of the active span ({@code Sentry.getSpan()}), or a new transaction
 *       when there is none, and is the active span for the duration of the call, so nested
 *       {@code @Span} calls nest;
 *   <li>each {@link SpanAttribute} parameter and {@link ResultAttribute} becomes span data;
 *   <li>the span ends with status {@code ok} on return, or {@code internal_error} and the
 *       throwable when the method throws; the result and the exception pass through untouched;
 *   <li>a method declared to return {@code CompletableFuture} or {@code CompletionStage} keeps its
 *       span open until the future completes, and its caller gets a dependent future that
 *       completes with exactly the same outcome once the span has ended, so that {@code join},
 *       {@code get} and any {@code then*} find it finished; cancelling or completing that future
 *       acts on the method's own. A future already complete is returned itself. A method declared
 *       to return a subclass of {@code CompletableFuture} gets the same, through the subclass's
 *       {@code newIncompleteFuture()}, when that returns the subclass; otherwise its caller gets
 *       the method's own future, and callbacks it chains may run before the span has ended. A
 *       {@code Mono} or {@code Flux} gets one span per subscription;
 *   <li>when the call returns, the thread's Sentry scope holds exactly what it held before; a call
 *       after an asynchronous one whose span is still open is its sibling;
 *   <li>its origin is {@code auto.function.spanwise};
 *   <li>on an interface method, it traces every implementation (through Spring's proxies, and
 *       woven calls made through the interface); an implementation's own {@code @Span} wins;
 *   <li>an expected exception ({@link #expected()}, {@link ExpectedException}) ends the span
 *       without an error; the setting {@code spanwise.exclude} switches named classes, methods and
 *       packages off without a rebuild;
 *   <li>with a {@link ContinueTrace} parameter, each call is instead a new transaction in the
 *       trace whose headers the argument carries (the consumer side of a queue).
 * </ul>
 *
 * <p>At compile time ({@code spanwise-processor}) these rules are checked:
 *
 * <ul>
 *   <li>{@link #op()} is not empty and is lowercase dot-separated segments, each {@code
 *       [a-z][a-z0-9_]*} ({@code commerce.payment});
 *   <li>an op in a category Sentry defines ({@code http.}, {@code db.}, {@code queue.}, {@code
 *       gen_ai.}, …) that Sentry does not know is a warning naming the closest known ops; an op
 *       in a category of its own ({@code commerce.payment}) is fine.
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Span {

  /**
   * Returns the span's operation, what Sentry groups and charts by ({@code op:commerce.payment}).
   * Required; lowercase dot-separated segments.
   */
  String op();

  /**
   * Returns the span's description, or the transaction's name when the span is a root. When empty,
   * {@code SimpleClassName.methodName}.
   */
  String name() default "";

  /**
   * Returns the exceptions that are an expected outcome of the method rather than its failure (a
   * {@code NotFoundException} that becomes a 404): when the method throws one of them, or a
   * subclass, the span ends with status {@code ok} and records the exception's class name as span
   * data {@code exception.type}; the exception itself still passes to the caller untouched. To end
   * with another status ({@code not_found}), use {@link ExpectedException} instead. Applies to
   * plain, asynchronous and publisher results alike.
   */
  Class<? extends Throwable>[] expected() default {};
}
