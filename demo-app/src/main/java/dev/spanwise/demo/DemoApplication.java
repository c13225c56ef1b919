package dev.spanwise.demo;

import dev.spanwise.demo.tour.Tour;
import dev.spanwise.demo.tour.TourReport;
import dev.spanwise.demo.tracing.TraceRecorder;
import dev.spanwise.demo.tracing.TraceTreePrinter;
import io.sentry.Sentry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The demo: Sentry's four span-metrics examples as one Spring Boot application (the server) and the
 * Java client that plays the seed's browser. {@link #main} starts the server on a free port, runs
 * the {@link Tour}, prints every trace as a tree, and exits: 0 when the tour went as scripted.
 */
@SpringBootApplication
public class DemoApplication {

  /** Sentry's transport factory: keeps every trace for the printer, forwards to a real DSN. */
  @Bean
  TraceRecorder traceRecorder() {
    return new TraceRecorder();
  }

  /** The client's HTTP client (the seed's {@code fetch}). */
  @Bean
  HttpClient httpClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(DemoApplication.class);
    // Defaults, so a --server.port=8080 argument still wins.
    application.setDefaultProperties(Map.of("server.port", "0"));
    int exitCode;
    try (ConfigurableApplicationContext context = application.run(args)) {
      TourReport report = context.getBean(Tour.class).run();
      TraceRecorder recorder = context.getBean(TraceRecorder.class);
      // Server transactions finish just after their response, the queue consumer's later still.
      boolean complete =
          recorder.awaitTransactions(report.expectedTransactions(), Duration.ofSeconds(15));
      System.out.println(TraceTreePrinter.render(recorder.transactions(), report.traceLabels()));
      System.out.println(report.summary());
      if (!complete) {
        System.out.printf(
            "Expected %d transactions, recorded %d.%n",
            report.expectedTransactions(), recorder.transactions().size());
      }
      if (recorder.forwardsToSentry()) {
        Sentry.flush(10_000);
        System.out.println("The traces were sent to Sentry too (SENTRY_DSN).");
      }
      exitCode = report.passed() && complete ? 0 : 1;
    }
    System.exit(exitCode);
  }
}
