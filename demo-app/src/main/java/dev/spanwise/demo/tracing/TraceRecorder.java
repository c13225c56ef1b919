package dev.spanwise.demo.tracing;

import io.sentry.AsyncHttpTransportFactory;
import io.sentry.Hint;
import io.sentry.ISerializer;
import io.sentry.ITransportFactory;
import io.sentry.RequestDetails;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryItemType;
import io.sentry.SentryOptions;
import io.sentry.protocol.SentryTransaction;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sentry's transport for the demo (Sentry's Spring Boot starter uses an {@link ITransportFactory}
 * bean): every transaction the SDK sends is kept in memory for {@link TraceTreePrinter}, read back
 * from the envelope as Sentry would receive it. When the DSN is a real one (not {@link
 * #PLACEHOLDER_DSN}), the envelopes also go to Sentry through the SDK's own HTTP transport.
 */
public final class TraceRecorder implements ITransportFactory {

  /**
   * The DSN {@code application.properties} sets when {@code SENTRY_DSN} is not: on loopback, where
   * nothing listens, so that the SDK is enabled without a Sentry account. Envelopes for it are only
   * recorded; for any other DSN they are sent too.
   */
  public static final String PLACEHOLDER_DSN = "http://spanwise-demo@127.0.0.1:9/0";

  private final List<SentryTransaction> transactions = new CopyOnWriteArrayList<>();
  private volatile boolean forwarding;

  @Override
  public ITransport create(SentryOptions options, RequestDetails requestDetails) {
    ITransport forward = null;
    if (!isPlaceholder(options.getDsn())) {
      forward = new AsyncHttpTransportFactory().create(options, requestDetails);
      forwarding = true;
    }
    return new RecordingTransport(options.getSerializer(), forward);
  }

  /** Returns every transaction recorded so far, in the order they finished. */
  public List<SentryTransaction> transactions() {
    return List.copyOf(transactions);
  }

  /** Returns whether the envelopes also go to Sentry, because {@code SENTRY_DSN} is set. */
  public boolean forwardsToSentry() {
    return forwarding;
  }

  /** Waits until at least {@code count} transactions were recorded; returns whether they were. */
  public boolean awaitTransactions(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (transactions.size() < count) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Forgets what was recorded. */
  public void clear() {
    transactions.clear();
  }

  private static boolean isPlaceholder(String dsn) {
    return dsn == null || dsn.isEmpty() || dsn.equals(PLACEHOLDER_DSN);
  }

  private final class RecordingTransport implements ITransport {

    private final ISerializer serializer;
    private final ITransport forward;

    RecordingTransport(ISerializer serializer, ITransport forward) {
      this.serializer = serializer;
      this.forward = forward;
    }

    @Override
    public void send(SentryEnvelope envelope, Hint hint) throws IOException {
      for (SentryEnvelopeItem item : envelope.getItems()) {
        if (item.getHeader().getType() == SentryItemType.Transaction) {
          try {
            transactions.add(item.getTransaction(serializer));
          } catch (Exception e) {
            throw new IOException("could not read a transaction back from its envelope", e);
          }
        }
      }
      if (forward != null) {
        forward.send(envelope, hint);
      }
    }

    @Override
    public boolean isHealthy() {
      return forward == null || forward.isHealthy();
    }

    @Override
    public void flush(long timeoutMillis) {
      if (forward != null) {
        forward.flush(timeoutMillis);
      }
    }

    @Override
    public RateLimiter getRateLimiter() {
      return forward == null ? null : forward.getRateLimiter();
    }

    @Override
    public void close(boolean isRestarting) throws IOException {
      if (forward != null) {
        forward.close(isRestarting);
      }
    }

    @Override
    public void close() throws IOException {
      if (forward != null) {
        forward.close();
      }
    }
  }
}
