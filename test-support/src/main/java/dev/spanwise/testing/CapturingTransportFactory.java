package dev.spanwise.testing;

import io.sentry.ITransportFactory;
import io.sentry.RequestDetails;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentryTransaction;
import io.sentry.transport.ITransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A Sentry transport factory whose transports keep what they would send, for tests in which
 * something else initialises Sentry: Sentry's Spring Boot starter uses an {@code ITransportFactory}
 * bean.
 *
 * <pre>{@code
 * @Bean
 * CapturingTransportFactory capturingTransportFactory() {
 *   return new CapturingTransportFactory();
 * }
 * }</pre>
 */
public final class CapturingTransportFactory implements ITransportFactory {

  private final List<CapturingTransport> transports = new CopyOnWriteArrayList<>();

  @Override
  public ITransport create(SentryOptions options, RequestDetails requestDetails) {
    CapturingTransport transport = new CapturingTransport(options.getSerializer());
    transports.add(transport);
    return transport;
  }

  /** Returns every transaction captured so far, in the order they finished. */
  public List<SentryTransaction> transactions() {
    List<SentryTransaction> all = new ArrayList<>();
    for (CapturingTransport transport : transports) {
      all.addAll(transport.transactions());
    }
    return all;
  }

  /** Waits up to {@code timeout} for a transaction that matches {@code condition}. */
  public SentryTransaction awaitTransaction(
      Predicate<SentryTransaction> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (SentryTransaction transaction : transactions()) {
        if (condition.test(transaction)) {
          return transaction;
        }
      }
      if (System.nanoTime() > deadline) {
        List<String> names = new ArrayList<>();
        transactions().forEach(transaction -> names.add(transaction.getTransaction()));
        throw new AssertionError("no matching transaction in " + names);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Returns how many error events (Sentry's {@code event} items) were captured so far. */
  public int errorEvents() {
    int count = 0;
    for (CapturingTransport transport : transports) {
      count += transport.errorEvents();
    }
    return count;
  }

  /** Forgets what was captured so far. */
  public void clear() {
    transports.forEach(CapturingTransport::clear);
  }
}
