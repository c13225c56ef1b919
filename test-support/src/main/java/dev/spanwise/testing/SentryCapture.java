package dev.spanwise.testing;

import io.sentry.Sentry;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Initialises the real Sentry SDK for a test, with a loopback DSN and a {@link CapturingTransport},
 * and gives access to the transactions it would have sent.
 *
 * <pre>{@code
 * try (SentryCapture sentry = SentryCapture.start()) {
 *   service.charge("stripe", cart);
 *   SentryTransaction tx = sentry.onlyTransaction();
 * }
 * }</pre>
 */
public final class SentryCapture implements AutoCloseable {

  /** A DSN on loopback: nothing listens there, and the capturing transport never connects. */
  public static final String LOOPBACK_DSN = "http://public@127.0.0.1:9/1";

  private final CapturingTransport transport;

  private SentryCapture(CapturingTransport transport) {
    this.transport = transport;
  }

  /** Starts Sentry with every trace sampled. */
  public static SentryCapture start() {
    return start(options -> {});
  }

  /** Starts Sentry with every trace sampled, then applies {@code customizer}. */
  public static SentryCapture start(Consumer<SentryOptions> customizer) {
    CapturingTransport[] created = new CapturingTransport[1];
    Sentry.init(
        options -> {
          options.setDsn(LOOPBACK_DSN);
          options.setTracesSampleRate(1.0);
          options.setEnableUncaughtExceptionHandler(false);
          options.setSendClientReports(false);
          options.setTransportFactory(
              (sentryOptions, requestDetails) ->
                  created[0] = new CapturingTransport(sentryOptions.getSerializer()));
          customizer.accept(options);
        });
    if (created[0] == null) {
      throw new IllegalStateException("Sentry did not create the capturing transport");
    }
    return new SentryCapture(created[0]);
  }

  /** Returns every transaction captured so far, in the order they finished. */
  public List<SentryTransaction> transactions() {
    return new ArrayList<>(transport.transactions());
  }

  /** Returns the single captured transaction, failing when there are none or several. */
  public SentryTransaction onlyTransaction() {
    List<SentryTransaction> all = transactions();
    if (all.size() != 1) {
      throw new AssertionError("expected one transaction, got " + describe(all));
    }
    return all.get(0);
  }

  /** Waits up to {@code timeout} until {@code count} transactions have been captured. */
  public List<SentryTransaction> awaitTransactions(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (transport.transactions().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected " + count + " transactions, got " + describe(transactions()));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return transactions();
  }

  /** Waits up to {@code timeout} for a transaction that matches {@code condition}. */
  public SentryTransaction awaitTransaction(
      Predicate<SentryTransaction> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (SentryTransaction transaction : transport.transactions()) {
        if (condition.test(transaction)) {
          return transaction;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no matching transaction in " + describe(transactions()));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Returns the raw envelopes as they would go over the wire. */
  public List<byte[]> envelopes() {
    return new ArrayList<>(transport.envelopes());
  }

  /** Returns how many error events (Sentry's {@code event} items) were captured so far. */
  public int errorEvents() {
    return transport.errorEvents();
  }

  /** Forgets what was captured so far. */
  public void clear() {
    transport.clear();
  }

  @Override
  public void close() {
    Sentry.close();
  }

  private static String describe(List<SentryTransaction> transactions) {
    List<String> names = new ArrayList<>();
    for (SentryTransaction transaction : transactions) {
      names.add(transaction.getTransaction());
    }
    return transactions.size() + " " + names;
  }
}
