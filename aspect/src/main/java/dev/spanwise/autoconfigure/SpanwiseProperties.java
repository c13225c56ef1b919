package dev.spanwise.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code spanwise.*} properties of {@link SpanwiseAutoConfiguration}. Spring Boot's
 * configuration processor generates the jar's {@code META-INF/spring-configuration-metadata.json}
 * from this record (names, types, descriptions from the {@code @param} tags, defaults), which IDEs
 * use to complete and document the properties.
 *
 * @param enabled Whether to trace the @Span methods of Spring beans. Set to false when the classes
 *     are woven by AspectJ instead, or each call would be traced twice.
 * @param aspectOrder Order of the span advice among other advice: lower values run further out. The
 *     default, Ordered.LOWEST_PRECEDENCE - 1000, runs outside @Transactional, @Cacheable and
 *     unordered aspects, so a span includes the transaction's commit.
 * @param exclude The @Span methods to switch off, read once at start: patterns separated by commas or
 *     whitespace, each a class (com.acme.Cart), a method (com.acme.Cart#total, * allowed in the
 *     name), a package's classes (com.acme.internal.*) or a package and its subpackages
 *     (com.acme..*). Invalid patterns are reported once and ignored.
 */
@ConfigurationProperties(SpanwiseProperties.PREFIX)
public record SpanwiseProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("" + SpanAdvisor.DEFAULT_ORDER) int aspectOrder,
    @DefaultValue("") String exclude) {

  /** The properties' prefix. */
  public static final String PREFIX = "spanwise";
}
