/**
 * Sentry's span attribute names as constants: {@link dev.spanwise.conventions.SentryAttributes},
 * one nested class per namespace ({@code SentryAttributes.GenAi.USAGE_INPUT_TOKENS} is {@code
 * "gen_ai.usage.input_tokens"}), generated from Sentry's conventions. The constants are
 * compile-time constants, for {@code @SpanAttribute} and {@code @ResultAttribute} as for {@code
 * Spans.current().attribute(...)}.
 */
package dev.spanwise.conventions;
