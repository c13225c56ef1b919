package dev.spanwise.boot.mvc;

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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A Spring MVC application with Sentry's own Spring Boot integration, called over HTTP: the
 * {@code @Span} calls of a request are children of Sentry's {@code http.server} transaction.
 */
@SpringBootTest(
    classes = ShopApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      // The test's HTTP client keeps its connections open: graceful shutdown would wait 30 s.
      "server.shutdown=immediate",
      "spring.main.web-application-type=servlet",
      "sentry.dsn=" + SentryCapture.LOOPBACK_DSN,
      "sentry.traces-sample-rate=1.0",
      // Else Sentry ends the transaction when the controller returns, before its future completes.
      "sentry.keep-transactions-open-for-async-responses=true",
      "sentry.send-client-reports=false",
      "sentry.enable-uncaught-exception-handler=false"
    })
@DirtiesContext
class MvcRequestsTest {

  /**
   * Async requests per test: whether a span ends before or after its transaction is a race
   * between two threads when the aspect is wrong, so one request proves little.
   */
  private static final int REQUESTS = 50;

  @LocalServerPort private int port;

  @Autowired private CapturingTransportFactory sentry;

  private Requests http;

  @BeforeEach
  void setUp() {
    http = new Requests(port);
    sentry.clear();
  }

  @AfterAll
  static void closeSentry() {
    Sentry.close();
  }

  @Test
  void synchronousSpanIsAChildOfTheRequestsTransaction() throws Exception {
    HttpResponse<String> response = http.get("/orders/A-17");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"totalMinor\":400");
    SentryTransaction request = awaitServerTransactions(sentry, "GET /orders/{id}", 1).get(0);
    assertThat(root(request).getStatus()).isEqualTo(SpanStatus.OK);
    SentrySpan find = onlyWithOp(request, "commerce.order.lookup");
    assertEndedInside(find, request);
    assertThat(find.getDescription()).isEqualTo("Find Order");
    assertThat(find.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(find)).containsEntry("order.id", "A-17").containsEntry("order.total_minor", 400);
  }

  @Test
  void throwingSpanIsAnInternalErrorInsideTheNotFoundTransaction() throws Exception {
    HttpResponse<String> response = http.get("/orders/missing-1");

    assertThat(response.statusCode()).isEqualTo(404);
    SentryTransaction request = awaitServerTransactions(sentry, "GET /orders/{id}", 1).get(0);
    assertThat(root(request).getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    SentrySpan find = onlyWithOp(request, "commerce.order.lookup");
    assertEndedInside(find, request);
    assertThat(find.getStatus()).isEqualTo(SpanStatus.INTERNAL_ERROR);
    assertThat(data(find)).containsEntry("order.id", "missing-1").doesNotContainKey("order.total_minor");
  }

  @Test
  void expectedExceptionOfAnInterfacesSpanIsNotFoundAndNoErrorEvent() throws Exception {
    HttpResponse<String> found = http.get("/stock/SKU-1");
    HttpResponse<String> missing = http.get("/stock/gone-1");

    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).isEqualTo("5");
    assertThat(missing.statusCode()).isEqualTo(404);
    List<SentryTransaction> requests = awaitServerTransactions(sentry, "GET /stock/{sku}", 2);
    SentryTransaction ok = requests.stream()
        .filter(request -> root(request).getStatus() == SpanStatus.OK).findFirst().orElseThrow();
    SentryTransaction notFound = requests.stream()
        .filter(request -> root(request).getStatus() == SpanStatus.NOT_FOUND).findFirst().orElseThrow();

    // The bean implements the annotated interface without annotations of its own.
    SentrySpan check = onlyWithOp(ok, "inventory.check");
    assertEndedInside(check, ok);
    assertThat(check.getDescription()).isEqualTo("Check Stock");
    assertThat(check.getStatus()).isEqualTo(SpanStatus.OK);
    assertThat(data(check)).containsEntry("inventory.sku", "SKU-1");

    SentrySpan missingCheck = onlyWithOp(notFound, "inventory.check");
    assertEndedInside(missingCheck, notFound);
    assertThat(missingCheck.getStatus()).isEqualTo(SpanStatus.NOT_FOUND);
    assertThat(data(missingCheck))
        .containsEntry("inventory.sku", "gone-1")
        .containsEntry("exception.type", Stockroom.ItemNotFound.class.getName());
    assertThat(sentry.errorEvents()).isZero();
  }

  @Test
  void spanOfTheReturnedFutureEndsInsideTheRequestsTransaction() throws Exception {
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<String> response = http.get("/quotes/EUR");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"totalMinor\":1250");
    }

    for (SentryTransaction request :
        awaitServerTransactions(sentry, "GET /quotes/{currency}", REQUESTS)) {
      assertThat(root(request).getStatus()).isEqualTo(SpanStatus.OK);
      SentrySpan quote = onlyWithOp(request, "commerce.quote");
      assertEndedInside(quote, request);
      assertThat(quote.getStatus()).isEqualTo(SpanStatus.OK);
      assertThat(data(quote))
          .containsEntry("quote.currency", "EUR")
          .containsEntry("quote.total_minor", 1250);
    }
  }

  @Test
  void spanOfAFutureTheControllerDerivedFromEndsInsideTheRequestsTransaction() throws Exception {
    for (int i = 0; i < REQUESTS; i++) {
      HttpResponse<String> response = http.get("/quotes/USD/label");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("USD 1250");
    }

    for (SentryTransaction request :
        awaitServerTransactions(sentry, "GET /quotes/{currency}/label", REQUESTS)) {
      assertThat(root(request).getStatus()).isEqualTo(SpanStatus.OK);
      SentrySpan quote = onlyWithOp(request, "commerce.quote");
      assertEndedInside(quote, request);
      assertThat(quote.getStatus()).isEqualTo(SpanStatus.OK);
      assertThat(data(quote))
          .containsEntry("quote.currency", "USD")
          .containsEntry("quote.total_minor", 1250);
    }
  }
}
