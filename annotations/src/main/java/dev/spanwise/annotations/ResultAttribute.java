package dev.spanwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records a value taken from the method's return value as data of its {@link Span}, under {@link
 * #value()}. Recorded only when the method returns normally (for an asynchronous result, when it
 * completes normally).
 *
 * <pre>{@code
 * @Span(op = "commerce.order.server", name = "Order Processing")
 * @ResultAttribute(value = "order.id", path = "orderId")
 * @ResultAttribute(value = "payment.provider", path = "provider")
 * public Order checkout(Cart cart) { ... }
 * }</pre>
 *
 * <p>Values follow the rules of {@link SpanAttribute}, and so do the compile-time checks: {@link
 * #path()} resolves on the declared return type (for {@code CompletableFuture<T>}, {@code
 * CompletionStage<T>} and {@code Mono<T>}, on {@code T}); a name appears once per method, counting
 * its {@link SpanAttribute}s.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ResultAttributes.class)
public @interface ResultAttribute {

  /** Returns the attribute's name, as charted in Sentry ({@code order.id}). */
  String value();

  /** Returns a dot-separated property path followed from the returned value, or empty. */
  String path() default "";

  /** Returns whether the name is deliberately not a convention's name; see {@link SpanAttribute#custom()}. */
  boolean custom() default false;
}
