package dev.spanwise.conventions;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of {@link SentryAttributes} that builds a name of a family with a {@code <key>}
 * part, such as {@link SentryAttributes.Http#requestHeader(String)} for {@code
 * http.request.header.<key>}: the method returns the template with {@code <key>} replaced by its
 * one {@code String} argument.
 *
 * <p>Kept in the class files so that a tool can read it without running the method: an annotation
 * processor that meets {@code Spans.current().attribute(Http.requestHeader("accept"), value)} can
 * look the family up under {@link #value()} in Sentry's conventions (its type, whether it is
 * personal data), and build the name itself when the argument is a constant.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AttributeTemplate {

  /** Returns the family's name as Sentry's conventions write it: {@code http.request.header.<key>}. */
  String value();
}
