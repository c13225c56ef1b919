package dev.spanwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the annotated parameter's argument as data of the enclosing {@link Span}, under {@link
 * #value()}.
 *
 * <pre>{@code
 * @Span(op = "commerce.payment")
 * Charge charge(@SpanAttribute("payment.provider") String provider,
 *               @SpanAttribute(value = "cart.item_count", path = "items.size") Cart cart)
 * }</pre>
 *
 * <p>Repeatable: one argument can feed several attributes, each through its own path:
 *
 * <pre>{@code
 * @Span(op = "queue.process", name = "queue_consumer")
 * void process(@SpanAttribute(value = "messaging.message.id", path = "id")
 *              @SpanAttribute(value = "messaging.message.body.size", path = "fileSize") MediaJob job)
 * }</pre>
 *
 * <p>Values are recorded as Sentry expects them: strings and other {@link CharSequence}s as
 * strings; {@code boolean}; integral types as integers; floating types as doubles; enums by {@link
 * Enum#name()}; arrays and collections of those as lists. A {@code null} value is left out. A value
 * that cannot be read (a getter throws, a path meets {@code null}) never breaks the call: the method
 * runs, and the span records {@code spanwise.error.<name>} saying what went wrong.
 *
 * <p>At compile time ({@code spanwise-processor}) these rules are checked:
 *
 * <ul>
 *   <li>the name is lowercase dot-separated segments, each {@code [a-z][a-z0-9_]*};
 *   <li>a name that Sentry's or OpenTelemetry's conventions define must be recorded from a Java
 *       type that can hold the convention's type ({@code gen_ai.usage.input_tokens} is an integer:
 *       {@code int}, {@code long}, {@code Integer}, {@code Long});
 *   <li>a name one typo away from a known name in the same namespace is an error with "did you
 *       mean"; an unknown name under {@code sentry.} is an error (even with {@link #custom()}), and
 *       so is one under a namespace reserved with {@code -Aspanwise.reservedNamespaces}; other
 *       unknown names are custom business attributes and are fine ({@code cart.item_count}). Set
 *       {@link #custom()} to say a near-miss name is deliberate;
 *   <li>a deprecated name that has a replacement is a warning naming it; a name the conventions
 *       mark as personal data is a warning (it is recorded only when {@code sendDefaultPii} is on);
 *   <li>the (path's final) type is a string, boolean, number, enum, or an array or collection of
 *       those;
 *   <li>each {@link #path()} segment resolves on the declared type;
 *   <li>a name appears once per method;
 *   <li>the parameter belongs to a {@link Span} method (or to a method another Spanwise annotation
 *       gives it a meaning on, such as {@code @ContinueTrace}).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Repeatable(SpanAttributes.class)
public @interface SpanAttribute {

  /** Returns the attribute's name, as charted in Sentry ({@code payment.provider}). */
  String value();

  /**
   * Returns a dot-separated property path followed from the argument ({@code items.size}), or empty
   * for the argument itself. Each segment is, on the declared type of the previous one, a record
   * component or no-arg method {@code x()}, a getter {@code getX()} or {@code isX()}, or a public
   * field.
   */
  String path() default "";

  /**
   * Returns whether the name is deliberately not a convention's name, which silences the "did you
   * mean" check and the strict mode's unknown-name warning for this attribute only, and allows it
   * in a reserved namespace ({@code -Aspanwise.reservedNamespaces}); never under {@code sentry.}.
   */
  boolean custom() default false;
}
