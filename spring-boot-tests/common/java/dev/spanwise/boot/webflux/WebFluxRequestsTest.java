package dev.spanwise.boot.webflux;

import static dev.spanwise.boot.Requests.assertEndedInside;
import static dev.spanwise.boot.Requests.awaitServerTransactions;
import static dev.spanwise.testing.CapturedSpans.data;
import static dev.spanwise.testing.CapturedSpans.onlyWithOp;
import static dev.spanwise.testing.CapturedSpans.root;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spanwise.boot.Requests;
import dev.spanwise.testing.CapturingTransportFactory;
import dev.spanwise.testing.SentryCapture;
import io.sentry.Sentry;
import io.sentry.SpanStatus;
import io.sentry.protocol.SentrySpan;
import io.sentry.protocol.SentryTransaction;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A WebFlux application with Sentry's own Spring Boot integration (its {@code SentryWebFilter}
 * makes the {@code http.server} transactions), called over HTTP.
 */
@SpringBootTest(
    classes = StockApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      // The test's HTTP client keeps its connections open: graceful shutdown would wait 30 s.
      "server.shutdown=immediate",
      "spring.main.web-application-type=reactive",
      "sentry.dsn=" + SentryCapture.LOOPBACK_DSN,
      "sentry.traces-sample-rate=1.0",
      "sentry.send-client-reports=false",
      "sentry.enable-uncaught-exception-handler=false"
    })
@DirtiesContext
class WebFluxRequestsTest {

  /** Several requests: a span ending after its transaction would be a race, caught by repeats. */
  private static final int REQUESTS = 50;

  @LocalServerPort private int port;

  @Autowired private CapturingTransportFactory sentry;

  @AfterAll
  static void closeSentry() {
    Sentry.close();
  }

  @Test
  void spanOfTheReturnedMonoEndsInsideTheRequestsTransaction() throws Exception {
    Requests http = new Requests(port);
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<String> response = http.get("/stock/SKU-9");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"available\":7");
    }

    for (SentryTransaction request : awaitServerTransactions(sentry, "GET /stock/{sku}", REQUESTS)) {
      assertThat(root(request).getStatus()).isEqualTo(SpanStatus.OK);
      SentrySpan check = onlyWithOp(request, "commerce.stock.check");
      assertEndedInside(check, request);
      assertThat(check.getDescription()).isEqualTo("Check Stock");
      assertThat(check.getStatus()).isEqualTo(SpanStatus.OK);
      assertThat(data(check)).containsEntry("product.sku", "SKU-9").containsEntry("stock.available", 7);
    }
  }
}
