package dev.spanwise.benchmarks;

import dev.spanwise.testing.SentryCount;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.TracesSamplingDecision;
import io.sentry.TransactionContext;
import io.sentry.TransactionOptions;

/**
 * The Sentry transaction every measured call runs in, renewed every {@code callsPerParent} calls
 * (the spans per transaction), so that none grows without bound (Sentry keeps at most 1000 spans in
 * one). Every variant pays the same renewal, amortised over its calls: finishing a transaction
 * hands it to the (counting, synchronous) transport on the calling thread, which is what an
 * application's request thread pays too, minus the network.
 */
final class ParentTransaction {

  /** The spans per transaction of the OpenTelemetry benchmark's parent span. */
  static final int CALLS_PER_PARENT = 256;

  private final Boolean sampled;
  private final int callsPerParent;
  private ITransaction transaction;
  private ISentryLifecycleToken token;
  private int calls;

  /**
   * {@code sampled} fixes the sampling decision, {@code null} when Sentry is off; {@code
   * callsPerParent} calls (and so spans) go into each transaction.
   */
  ParentTransaction(Boolean sampled, int callsPerParent) {
    this.sampled = sampled;
    this.callsPerParent = callsPerParent;
  }

  /**
   * Initialises Sentry (counting what it sends) on a thread of its own, so that the measuring
   * thread runs on scopes forked from the root ones, as a request's thread does: on the thread that
   * called {@code Sentry.init} the aspect leaves the scope's active span alone, which would spare it
   * work an application's calls do.
   */
  static SentryCount initOnAnotherThread() {
    SentryCount[] started = new SentryCount[1];
    Thread init = new Thread(() -> started[0] = SentryCount.start(), "sentry-init");
    init.start();
    try {
      init.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (started[0] == null) {
      throw new IllegalStateException("Sentry.init failed on its thread");
    }
    return started[0];
  }

  /** Counts one call, renewing the transaction when it has had its share. */
  void tick() {
    if (--calls <= 0) {
      renew();
    }
  }

  private void renew() {
    calls = callsPerParent;
    end();
    if (sampled == null) {
      return;
    }
    TransactionContext context =
        new TransactionContext("benchmark", "benchmark", new TracesSamplingDecision(sampled));
    TransactionOptions options = new TransactionOptions();
    options.setBindToScope(false);
    transaction = Sentry.startTransaction(context, options);
    token = transaction.makeCurrent();
  }

  /** Finishes the current transaction, if any. */
  void end() {
    if (token != null) {
      token.close();
      token = null;
    }
    if (transaction != null) {
      transaction.finish();
      transaction = null;
    }
  }
}
