package dev.spanwise.testing;

import io.sentry.Hint;
import io.sentry.ISerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryItemType;
import io.sentry.protocol.SentryTransaction;
import io.sentry.transport.ITransport;
import io.sentry.transport.RateLimiter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Sentry transport that keeps what it would send instead of sending it. Each envelope is
 * serialised to its wire bytes and each transaction item read back from those bytes, so tests
 * assert on exactly what Sentry would receive.
 */
public final class CapturingTransport implements ITransport {

  private final ISerializer serializer;
  private final List<SentryTransaction> transactions = new CopyOnWriteArrayList<>();
  private final List<byte[]> envelopes = new CopyOnWriteArrayList<>();
  private final AtomicInteger errorEvents = new AtomicInteger();

  CapturingTransport(ISerializer serializer) {
    this.serializer = serializer;
  }

  @Override
  public void send(SentryEnvelope envelope, Hint hint) throws IOException {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    try {
      serializer.serialize(envelope, wire);
    } catch (Exception e) {
      throw new IOException("could not serialise an envelope", e);
    }
    envelopes.add(wire.toByteArray());
    for (SentryEnvelopeItem item : envelope.getItems()) {
      if (item.getHeader().getType() == SentryItemType.Transaction) {
        transactions.add(readTransaction(item));
      } else if (item.getHeader().getType() == SentryItemType.Event) {
        errorEvents.incrementAndGet();
      }
    }
  }

  private SentryTransaction readTransaction(SentryEnvelopeItem item) throws IOException {
    byte[] data;
    try {
      data = item.getData();
    } catch (Exception e) {
      throw new IOException("could not serialise a transaction item", e);
    }
    try (InputStreamReader reader =
        new InputStreamReader(new ByteArrayInputStream(data), StandardCharsets.UTF_8)) {
      return serializer.deserialize(reader, SentryTransaction.class);
    }
  }

  List<SentryTransaction> transactions() {
    return transactions;
  }

  List<byte[]> envelopes() {
    return envelopes;
  }

  int errorEvents() {
    return errorEvents.get();
  }

  void clear() {
    transactions.clear();
    envelopes.clear();
    errorEvents.set(0);
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
