package dev.spanwise.aspect.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sentry.Sentry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8.3: Sentry's real HTTP transport pointed at a healthy endpoint, at a closed port, and at an
 * endpoint that answers after 5 seconds, all on loopback. The same workload of traced calls (each a
 * transaction of its own, so each sends an envelope) takes the same time against all three: Sentry
 * queues envelopes and sends them from its own thread, dropping what does not fit in its queue.
 */
class DeadOrSlowSentryTest {

  private static final int CALLS = 400;
  private static final int WARM_UP_CALLS = 400;
  private static final long SLOW_ANSWER_MILLIS = 5_000;

  private final Workload workload = new Workload();

  @Test
  @Timeout(60)
  void tracedCallsNeverWaitOnTheNetwork() throws Exception {
    ExecutorService handlers = Executors.newCachedThreadPool(daemon());
    CountDownLatch stopping = new CountDownLatch(1);
    HttpServer healthy = server(handlers, 0, stopping);
    HttpServer slow = server(handlers, SLOW_ANSWER_MILLIS, stopping);
    int closedPort = closedPort();
    try {
      run("warm-up", dsn(healthy.getAddress().getPort()), WARM_UP_CALLS);
      Figures healthyRun = run("healthy", dsn(healthy.getAddress().getPort()), CALLS);
      Figures deadRun = run("dead", dsn(closedPort), CALLS);
      Figures slowRun = run("slow", dsn(slow.getAddress().getPort()), CALLS);

      ReliabilityFigures figures = ReliabilityFigures.of("dead-or-slow").put("calls", CALLS);
      for (Figures run : new Figures[] {healthyRun, deadRun, slowRun}) {
        run.writeTo(figures);
      }
      figures.write();

      // The transport really was the HTTP one, and really met each endpoint as intended.
      assertThat(healthyRun.received).isPositive();
      assertThat(slowRun.received).isPositive();
      for (Figures run : new Figures[] {healthyRun, deadRun, slowRun}) {
        assertThat(run.thrown).as(run.name + ": exceptions thrown into the application").isZero();
        assertThat(run.totalMillis).as(run.name + ": whole workload, ms").isLessThan(2_500);
        assertThat(run.maxMicros).as(run.name + ": slowest call, us").isLessThan(1_000_000);
      }
      for (Figures run : new Figures[] {deadRun, slowRun}) {
        // Generous: on a shared 2-core machine one run can be several times another; waiting
        // on the network would cost seconds.
        assertThat(run.p50Micros)
            .as(run.name + ": p50, us")
            .isLessThanOrEqualTo(5 * healthyRun.p50Micros + 5_000);
        assertThat(run.p99Micros)
            .as(run.name + ": p99, us")
            .isLessThanOrEqualTo(5 * healthyRun.p99Micros + 50_000);
      }
    } finally {
      stopping.countDown();
      healthy.stop(0);
      slow.stop(0);
      handlers.shutdownNow();
    }
  }

  /** Initialises Sentry with its real transport on {@code dsn}, times the workload, closes Sentry. */
  private Figures run(String name, String dsn, int calls) {
    AtomicInteger received = RECEIVED.get(dsn) == null ? new AtomicInteger() : RECEIVED.get(dsn);
    int receivedBefore = received.get();
    Sentry.init(
        options -> {
          options.setDsn(dsn);
          options.setTracesSampleRate(1.0);
          options.setEnableUncaughtExceptionHandler(false);
          options.setSendClientReports(false);
          options.setFlushTimeoutMillis(100);
          options.setShutdownTimeoutMillis(100);
        });
    long[] micros = new long[calls];
    int thrown = 0;
    long began = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      try {
        if (workload.step(i) != i + 1) {
          thrown++;
        }
      } catch (Throwable t) {
        thrown++;
      }
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    long totalMillis = (System.nanoTime() - began) / 1_000_000;
    long closeBegan = System.nanoTime();
    Sentry.close();
    long closeMillis = (System.nanoTime() - closeBegan) / 1_000_000;
    Arrays.sort(micros);
    return new Figures(
        name,
        percentile(micros, 50),
        percentile(micros, 99),
        micros[calls - 1],
        totalMillis,
        closeMillis,
        thrown,
        received.get() - receivedBefore);
  }

  private static long percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  private static final java.util.Map<String, AtomicInteger> RECEIVED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A Sentry endpoint on loopback that reads each envelope, then answers after {@code delay}. */
  private static HttpServer server(ExecutorService handlers, long delayMillis, CountDownLatch stopping)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    AtomicInteger received = new AtomicInteger();
    server.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
          }
          received.incrementAndGet();
          try {
            if (delayMillis > 0) {
              stopping.await(delayMillis, TimeUnit.MILLISECONDS);
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(answer);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(handlers);
    server.start();
    RECEIVED.put(dsn(server.getAddress().getPort()), received);
    return server;
  }

  /** A loopback port that nothing listens on: bound once to pick it, then closed. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String dsn(int port) {
    return "http://public@127.0.0.1:" + port + "/1";
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task, "sentry-endpoint");
      thread.setDaemon(true);
      return thread;
    };
  }

  private record Figures(
      String name,
      long p50Micros,
      long p99Micros,
      long maxMicros,
      long totalMillis,
      long closeMillis,
      int thrown,
      int received) {

    void writeTo(ReliabilityFigures figures) {
      figures
          .put(name + ".p50.us", p50Micros)
          .put(name + ".p99.us", p99Micros)
          .put(name + ".max.us", maxMicros)
          .put(name + ".total.ms", totalMillis)
          .put(name + ".close.ms", closeMillis)
          .put(name + ".thrown", thrown)
          .put(name + ".envelopes.received", received);
    }
  }
}
