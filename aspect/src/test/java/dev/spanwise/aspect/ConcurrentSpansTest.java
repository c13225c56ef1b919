package dev.spanwise.aspect;

import static dev.spanwise.testing.CapturedSpans.withOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.aspect.fixtures.Cart;
import dev.spanwise.aspect.fixtures.Checkout;
import dev.spanwise.testing.SentryCapture;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentSpansTest {

  private static final int THREADS = 24;
  private static final int CALLS_PER_THREAD = 20;

  @Test
  void everySpanSitsUnderItsOwnThreadsTransaction() throws Exception {
    try (SentryCapture sentry = SentryCapture.start()) {
      Checkout checkout = new Checkout();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String provider = "provider-" + t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  ITransaction request = Sentry.startTransaction("request " + provider, "http.server");
                  boolean scopeRestored = true;
                  try (ISentryLifecycleToken ignored = request.makeCurrent()) {
                    for (int call = 0; call < CALLS_PER_THREAD; call++) {
                      ISpan before = Sentry.getSpan();
                      checkout.checkout(provider, new Cart(List.of(provider), null));
                      scopeRestored &= Sentry.getSpan() == before;
                    }
                  }
                  request.finish();
                  return scopeRestored && Sentry.getSpan() == null;
                }));
      }
      start.countDown();
      for (Future<Boolean> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
      }
      pool.shutdown();

      List<SentryTransaction> transactions =
          sentry.awaitTransactions(THREADS, Duration.ofSeconds(10));
      assertThat(transactions).hasSize(THREADS);
      for (SentryTransaction transaction : transactions) {
        String provider = transaction.getTransaction().substring("request ".length());
        String rootId = root(transaction).getSpanId().toString();
        List<SentrySpan> orders = withOp(transaction, "commerce.order.server");
        assertThat(orders).hasSize(CALLS_PER_THREAD);
        for (SentrySpan order : orders) {
          assertThat(order.getParentSpanId().toString()).isEqualTo(rootId);
          assertThat(order.getData()).containsEntry("payment.provider", provider);
        }
        for (SentrySpan payment : withOp(transaction, "commerce.payment")) {
          assertThat(orders).anyMatch(order -> order.getSpanId().equals(payment.getParentSpanId()));
          assertThat(payment.getData()).containsEntry("payment.provider", provider);
          assertThat(payment.getTraceId()).isEqualTo(root(transaction).getTraceId());
        }
      }
    }
  }
}
