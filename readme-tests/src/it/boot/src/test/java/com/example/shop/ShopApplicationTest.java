package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.SentryOptions;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Not in the README: the README's application, started with Sentry's starter on a random port and
 * called over HTTP. Sentry runs for real; its beforeSendTransaction callback keeps what it would
 * send and drops it.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "sentry.dsn=http://public@127.0.0.1:9/1",
      "sentry.send-client-reports=false"
    })
class ShopApplicationTest {

  @LocalServerPort private int port;

  @Autowired private List<SentryTransaction> sent;

  @Test
  void checkoutSpanIsAChildOfTheRequestsTransaction() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/checkout?provider=stripe&items=book,pen"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("500");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sent.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    SentryTransaction request = sent.get(0);
    assertThat(request.getTransaction()).isEqualTo("POST /checkout");
    assertThat(request.getContexts().getTrace().getOperation()).isEqualTo("http.server");
    SentrySpan checkout = request.getSpans().get(0);
    assertThat(checkout.getOp()).isEqualTo("commerce.checkout");
    assertThat(checkout.getDescription()).isEqualTo("Checkout");
    assertThat(checkout.getParentSpanId()).isEqualTo(request.getContexts().getTrace().getSpanId());
    assertThat(checkout.getData())
        .containsEntry("payment.provider", "stripe")
        .containsEntry("cart.item_count", 2);
  }

  @TestConfiguration
  static class KeepWhatSentryWouldSend {

    @Bean
    List<SentryTransaction> sent() {
      return new CopyOnWriteArrayList<>();
    }

    @Bean
    SentryOptions.BeforeSendTransactionCallback keep(List<SentryTransaction> sent) {
      return (transaction, hint) -> {
        sent.add(transaction);
        return null;
      };
    }
  }
}
