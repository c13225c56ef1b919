package dev.spanwise.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Holds repeated {@link ExpectedException} annotations; written by javac, not by hand. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExpectedExceptions {

  /** Returns the repeated annotations, in source order. */
  ExpectedException[] value();
}
