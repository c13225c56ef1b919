package dev.spanwise.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.SpanTracer;
import dev.spanwise.aspect.SpanInterceptor;
import dev.spanwise.testing.SentryCapture;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;

/** {@link SpanInterceptor} on its own, outside a proxy. */
class SpanInterceptorTest {

  @Test
  void leavesAnInvocationThatIsNotAProxysUntraced() throws Throwable {
    Method greet = Greeter.class.getMethod("greet", String.class);
    Greeter greeter = new Greeter();
    MethodInvocation invocation =
        new MethodInvocation() {
          @Override
          public Method getMethod() {
            return greet;
          }

          @Override
          public Object[] getArguments() {
            return new Object[] {"ada"};
          }

          @Override
          public Object proceed() {
            return greeter.greet("ada");
          }

          @Override
          public Object getThis() {
            return greeter;
          }

          @Override
          public AccessibleObject getStaticPart() {
            return greet;
          }
        };
    try (SentryCapture sentry = SentryCapture.start()) {
      assertThat(new SpanInterceptor(new SpanTracer()).invoke(invocation)).isEqualTo("hello ada");
      assertThat(sentry.transactions()).isEmpty();
    }
  }
}
