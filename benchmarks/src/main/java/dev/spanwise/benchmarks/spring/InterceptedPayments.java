package dev.spanwise.benchmarks.spring;

import dev.spanwise.benchmarks.Cart;
import dev.spanwise.benchmarks.Payments;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Spring bean in Spanwise's application whose method has an empty {@code MethodInterceptor}
 * around it (it only proceeds), through the same kind of proxy as {@link ProxiedPayments}: what any
 * advice costs there before it does anything, the floor of the Spring proxy variant.
 */
public class InterceptedPayments implements Payments {

  /** Marks the method the empty interceptor applies to. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface Intercepted {}

  @Override
  @Intercepted
  public int charge(String provider, long amount, Cart cart) {
    return Payments.work(provider, amount, cart);
  }
}
