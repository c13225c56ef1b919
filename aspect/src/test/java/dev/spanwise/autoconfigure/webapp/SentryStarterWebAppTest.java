package dev.spanwise.autoconfigure.webapp;

import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static dev.spanwise.testing.CapturedSpans.withOp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.testing.CapturingTransportFactory;
import dev.spanwise.testing.SentryCapture;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** A real web application with Sentry's starter, called over HTTP. */
@SpringBootTest(
    classes = ShopApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "sentry.dsn=" + SentryCapture.LOOPBACK_DSN,
      "sentry.traces-sample-rate=1.0",
      "sentry.send-client-reports=false",
      "sentry.enable-uncaught-exception-handler=false"
    })
@DirtiesContext
class SentryStarterWebAppTest {

  @LocalServerPort private int port;

  @Autowired private CapturingTransportFactory sentry;

  @AfterAll
  static void closeSentry() {
    Sentry.close();
  }

  @Test
  void spanMethodsCalledByARequestAreChildrenOfItsTransaction() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/orders/A-17"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"totalMinor\":400");
    SentryTransaction request =
        sentry.awaitTransaction(
            transaction -> "http.server".equals(root(transaction).getOperation()),
            Duration.ofSeconds(10));
    assertThat(request.getTransaction()).isEqualTo("GET /orders/{id}");

    SentrySpan find = onlyWithOp(request, "commerce.order.lookup");
    assertThat(find.getDescription()).isEqualTo("Find Order");
    assertThat(find.getParentSpanId()).isEqualTo(root(request).getSpanId());
    assertThat(find.getTraceId()).isEqualTo(root(request).getTraceId());
    assertThat(find.getOrigin()).isEqualTo("auto.function.spanwise");
    assertThat(find.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(find))
        .containsEntry("order.id", "A-17")
        .containsEntry("order.total_minor", 400);

    SentrySpan price = onlyWithOp(request, "commerce.pricing");
    assertThat(price.getDescription()).isEqualTo("Pricing.price");
    assertThat(price.getParentSpanId()).isEqualTo(find.getSpanId());
    assertThat(data(price)).containsEntry("order.id", "A-17");

    // Self-invocation bypasses Spring's proxy: build-time or load-time weaving covers it.
    assertThat(withOp(request, "commerce.order.audit")).isEmpty();
  }
}
