package dev.spanwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an exception that is an expected outcome of a {@link Span} method, and the span status it
 * ends with.
 *
 * <pre>{@code
 * @Span(op = "db.query", name = "Find Order")
 * @ExpectedException(value = OrderNotFoundException.class, status = "not_found")
 * public Order find(@SpanAttribute("order.id") String id) { ... }
 * }</pre>
 *
 * <p>When the method throws {@link #value()} or a subclass of it (or its future or publisher
 * fails with one), the span ends with {@link #status()} instead of {@code internal_error}, records
 * the exception's class name as span data {@code exception.type}, and is not reported as an error;
 * the exception still passes to the caller untouched. When several apply, the one naming the most
 * specific class wins, whether it is an {@code ExpectedException} or in {@link Span#expected()};
 * for the same class, the {@code ExpectedException} wins. On an interface method, it applies to
 * every implementation that does not carry a {@code @Span} of its own.
 *
 * <p>At compile time the processor checks that the annotated method is a {@code @Span} method,
 * that the status is one of Sentry's span statuses, and warns when a checked exception named here
 * is one the method does not declare (it can never be thrown).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ExpectedExceptions.class)
public @interface ExpectedException {

  /** Returns the expected exception class; its subclasses are expected too. */
  Class<? extends Throwable> value();

  /**
   * Returns the status the span ends with: one of Sentry's span statuses in lowercase ({@code ok},
   * {@code not_found}, {@code invalid_argument}, {@code permission_denied}, {@code unauthenticated},
   * {@code already_exists}, {@code failed_precondition}, {@code resource_exhausted}, {@code
   * cancelled}, {@code deadline_exceeded}, {@code aborted}, {@code out_of_range}, {@code
   * unavailable}, …). Defaults to {@code ok}.
   */
  String status() default "ok";
}
