package dev.spanwise.testing;

import io.sentry.Hint;
import io.sentry.Sentry;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryItemType;
import io.sentry.SentryOptions;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Initialises the real Sentry SDK like {@link SentryCapture}, with a transport that only counts what
 * it would send and keeps nothing: for load tests, where keeping a million spans would be the leak
 * they look for.
 *
 * <pre>{@code
 * try (SentryCount sentry = SentryCount.start()) {
 *   ... a million calls ...
 *   assertThat(sentry.transactions()).isEqualTo(4000);
 * }
 * }</pre>
 */
public final class SentryCount implements AutoCloseable {

  private final AtomicLong envelopes = new AtomicLong();
  private final AtomicLong transactions = new AtomicLong();
  private final AtomicLong spans = new AtomicLong();

  private SentryCount() {}

  /** Starts Sentry with every trace sampled. */
  public static SentryCount start() {
    return start(options -> {});
  }

  /** Starts Sentry with every trace sampled, then applies {@code customizer}. */
  public static SentryCount start(Consumer<SentryOptions> customizer) {
    SentryCount count = new SentryCount();
    boolean[] created = new boolean[1];
    Sentry.init(
        options -> {
          options.setDsn(SentryCapture.LOOPBACK_DSN);
          options.setTracesSampleRate(1.0);
          options.setEnableUncaughtExceptionHandler(false);
          options.setSendClientReports(false);
          // The child spans of each transaction are counted as it leaves, then let go.
          options.setBeforeSendTransaction(
              (transaction, hint) -> {
                count.spans.addAndGet(transaction.getSpans().size());
                return transaction;
              });
          options.setTransportFactory(
              (sentryOptions, requestDetails) -> {
                created[0] = true;
                return count.new CountingTransport();
              });
          customizer.accept(options);
        });
    if (!created[0]) {
      throw new IllegalStateException("Sentry did not create the counting transport");
    }
    return count;
  }

  /** Returns how many envelopes Sentry handed to the transport. */
  public long envelopes() {
    return envelopes.get();
  }

  /** Returns how many transactions those envelopes held. */
  public long transactions() {
    return transactions.get();
  }

  /** Returns how many child spans those transactions held (the root not included). */
  public long spans() {
    return spans.get();
  }

  @Override
  public void close() {
    Sentry.close();
  }

  private final class CountingTransport implements ITransport {

    @Override
    public void send(SentryEnvelope envelope, Hint hint) {
      envelopes.incrementAndGet();
      for (SentryEnvelopeItem item : envelope.getItems()) {
        if (item.getHeader().getType() == SentryItemType.Transaction) {
          transactions.incrementAndGet();
        }
      }
    }

    @Override
    public void flush(long timeoutMillis) {}

    @Override
    public RateLimiter getRateLimiter() {
      return null;
    }

    @Override
    public void close(boolean isRestarting) {}

    @Override
    public void close() {}
  }
}
