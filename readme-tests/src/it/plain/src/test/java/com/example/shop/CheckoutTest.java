package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sentry.Sentry;
import io.sentry.SpanContext;
import io.sentry.protocol.SentryTransaction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Not in the README: one traced call of the README's class, on the real Sentry SDK. */
class CheckoutTest {

  @Test
  void chargeIsATransactionWithItsAttributes() {
    List<SentryTransaction> sent = new CopyOnWriteArrayList<>();
    Sentry.init(options -> {
      options.setDsn("http://public@127.0.0.1:9/1");
      options.setTracesSampleRate(1.0);
      options.setSendClientReports(false);
      options.setBeforeSendTransaction((transaction, hint) -> {
        sent.add(transaction);
        return null;
      });
    });
    try {
      assertEquals(500L, new Checkout().charge("stripe", List.of("book", "pen")));
    } finally {
      Sentry.close();
    }

    assertEquals(1, sent.size());
    assertEquals("Checkout", sent.get(0).getTransaction());
    SpanContext root = sent.get(0).getContexts().getTrace();
    assertEquals("commerce.checkout", root.getOperation());
    assertEquals("stripe", root.getData().get("payment.provider"));
    assertEquals(2, root.getData().get("cart.item_count"));
  }
}
