package dev.spanwise.demo.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recorder under the real SDK: it keeps every transaction, and forwards unless the DSN is the placeholder. */
class TraceRecorderTest {

  private final TraceRecorder recorder = new TraceRecorder();
  private HttpServer sentry;

  @AfterEach
  void close() {
    Sentry.close();
    if (sentry != null) {
      sentry.stop(0);
    }
  }

  @Test
  void withThePlaceholderDsnTransactionsAreOnlyRecorded() {
    start(options -> options.setDsn(TraceRecorder.PLACEHOLDER_DSN));

    Sentry.startTransaction("Checkout", "ui.action").finish();

    assertThat(recorder.forwardsToSentry()).isFalse();
    assertThat(recorder.awaitTransactions(1, Duration.ofSeconds(5))).isTrue();
    assertThat(recorder.transactions()).extracting(t -> t.getTransaction()).containsExactly("Checkout");
  }

  @Test
  void withAnotherDsnTheEnvelopesAlsoGoToSentry() throws IOException {
    List<String> received = new CopyOnWriteArrayList<>();
    sentry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    sentry.createContext("/", exchange -> {
      received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    sentry.start();
    String dsn = "http://key@127.0.0.1:" + sentry.getAddress().getPort() + "/42";
    start(options -> options.setDsn(dsn));

    ITransaction transaction = Sentry.startTransaction("Upload media", "file.upload");
    transaction.finish();
    Sentry.flush(5_000);

    assertThat(recorder.forwardsToSentry()).isTrue();
    assertThat(recorder.transactions()).extracting(t -> t.getTransaction()).containsExactly("Upload media");
    assertThat(received).contains("POST /api/42/envelope/");
  }

  private void start(Consumer<SentryOptions> dsn) {
    Sentry.init(
        options -> {
          dsn.accept(options);
          options.setTracesSampleRate(1.0);
          options.setSendClientReports(false);
          options.setEnableUncaughtExceptionHandler(false);
          options.setTransportFactory(recorder);
        });
  }
}
