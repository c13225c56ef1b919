package dev.spanwise.aspect;

import dev.spanwise.TraceHeaders;
import dev.spanwise.annotations.ContinueTrace;
import dev.spanwise.annotations.ContinueTrace.Part;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How a {@code @Span} method with a {@link ContinueTrace} parameter continues its caller's trace:
 * where its arguments hold the {@code sentry-trace} and {@code baggage} values (resolved once, per
 * method).
 *
 * <p>{@link TracedSpan} starts the transaction in that trace.
 */
final class TraceContinuation {

  private final Source sentryTrace;
  private final Source baggage;

  private TraceContinuation(Source sentryTrace, Source baggage) {
    this.sentryTrace = sentryTrace;
    this.baggage = baggage;
  }

  /**
   * Returns how {@code method}'s arguments continue a trace, or {@code null} when it has no {@link
   * ContinueTrace} parameter. Where there are several for one header (which the processor refuses),
   * the first wins.
   */
  static TraceContinuation of(Method method) {
    Source sentryTrace = null;
    Source baggage = null;
    Parameter[] parameters = method.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      ContinueTrace annotation = parameters[i].getAnnotation(ContinueTrace.class);
      if (annotation == null) {
        continue;
      }
      int index = i;
      Source whole = arguments -> arguments[index];
      if (annotation.value() == Part.SENTRY_TRACE) {
        sentryTrace = sentryTrace != null ? sentryTrace : whole;
      } else if (annotation.value() == Part.BAGGAGE) {
        baggage = baggage != null ? baggage : whole;
      } else if (Map.class.isAssignableFrom(parameters[i].getType())) {
        sentryTrace = sentryTrace != null ? sentryTrace : mapEntry(index,
            orDefault(annotation.sentryTrace(), TraceHeaders.SENTRY_TRACE_HEADER));
        baggage = baggage != null ? baggage : mapEntry(index,
            orDefault(annotation.baggage(), TraceHeaders.BAGGAGE_HEADER));
      } else {
        sentryTrace = sentryTrace != null ? sentryTrace
            : property(index, orDefault(annotation.sentryTrace(), "sentryTrace"), parameters[i]);
        baggage = baggage != null ? baggage
            : property(index, orDefault(annotation.baggage(), "baggage"), parameters[i]);
      }
    }
    if (sentryTrace == null && baggage == null) {
      return null;
    }
    Source none = arguments -> null;
    return new TraceContinuation(
        sentryTrace == null ? none : sentryTrace, baggage == null ? none : baggage);
  }

  /** Returns the {@code sentry-trace} value a call's arguments carry, or {@code null}. */
  String sentryTrace(Object[] arguments) {
    return text(sentryTrace.read(arguments));
  }

  /** Returns the {@code baggage} values a call's arguments carry, or {@code null}. */
  List<String> baggage(Object[] arguments) {
    return texts(baggage.read(arguments));
  }

  /** Reads one header's raw value from a call's arguments; {@code null} when absent. */
  private interface Source {
    Object read(Object[] arguments);
  }

  private static Source mapEntry(int index, String key) {
    return arguments -> arguments[index] instanceof Map<?, ?> map ? map.get(key) : null;
  }

  private static Source property(int index, String path, Parameter parameter) {
    PropertyPath property = PropertyPath.resolve(path, parameter.getParameterizedType());
    return arguments -> {
      Captured captured = new Captured();
      property.read(arguments[index], path, captured);
      return captured.value;
    };
  }

  private static String orDefault(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  private static String text(Object value) {
    if (value instanceof CharSequence chars) {
      return chars.toString();
    }
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return null;
  }

  private static List<String> texts(Object value) {
    if (value instanceof Collection<?> values) {
      List<String> list = new ArrayList<>(values.size());
      for (Object element : values) {
        String text = text(element);
        if (text != null) {
          list.add(text);
        }
      }
      return list;
    }
    String text = text(value);
    return text == null ? null : List.of(text);
  }

  /** Keeps the value a {@link PropertyPath} read; a value it could not read stays {@code null}. */
  private static final class Captured implements AttributeSink {
    Object value;

    @Override
    public void put(String name, Object value) {
      this.value = value;
    }

    @Override
    public void unreadable(String name, String reason) {
      // A header that cannot be read is a header that is absent: the call starts a new trace.
    }
  }
}
