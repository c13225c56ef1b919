package dev.spanwise.seed;

import io.sentry.ISentryLifecycleToken;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import java.util.function.Supplier;

/** What a server integration (Sentry's servlet or Spring filter) does around a seed handler. */
final class SeedTraces {

  private SeedTraces() {}

  /** Runs {@code handler} inside an {@code http.server} transaction named {@code route}. */
  static <T> T inServerTransaction(String route, Supplier<T> handler) {
    ITransaction request = Sentry.startTransaction(route, "http.server");
    try (ISentryLifecycleToken ignored = request.makeCurrent()) {
      return handler.get();
    } finally {
      request.finish();
    }
  }
}
