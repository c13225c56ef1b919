package dev.spanwise.demo.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * NullFlix's search box: each keystroke restarts a {@value #DEBOUNCE_MS} ms debounce and aborts
 * the request in flight, whose answer would be for an outdated query; when typing pauses, one
 * {@link AutocompleteClient} request goes out.
 */
@Component
public class SearchBox implements DisposableBean {

  /** How long typing must pause before a request goes out, {@code ui.debounce_ms}. */
  public static final int DEBOUNCE_MS = 150;

  private final AutocompleteClient autocomplete;
  private final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "search-box");
            thread.setDaemon(true);
            return thread;
          });

  /** The text typed last: its request, once the debounce let it out, and its answer. */
  private Pending latest = Pending.answered();

  public SearchBox(AutocompleteClient autocomplete) {
    this.autocomplete = autocomplete;
  }

  /**
   * The user changed the text to {@code text}. Returns the answer to this text: it completes with
   * the request's results (an aborted request's included), or is cancelled when the next keystroke
   * comes before the request went out.
   */
  public synchronized CompletableFuture<SearchResults> onInput(String text) {
    Pending previous = latest;
    if (previous.claimed.compareAndSet(false, true)) {
      // Still debouncing: the request never goes out.
      previous.results.cancel(false);
    } else {
      // Already out (or answered): its answer would be for an outdated query.
      previous.signal.abort();
    }
    Pending pending = new Pending();
    latest = pending;
    timer.schedule(
        () -> {
          if (!pending.claimed.compareAndSet(false, true)) {
            return;
          }
          try {
            pending.results.complete(autocomplete.search(text, pending.signal));
          } catch (RuntimeException e) {
            pending.results.completeExceptionally(e);
          }
        },
        DEBOUNCE_MS,
        TimeUnit.MILLISECONDS);
    return pending.results;
  }

  /** Waits for the answer to the text typed last. */
  public SearchResults awaitResults(Duration timeout) {
    CompletableFuture<SearchResults> results;
    synchronized (this) {
      results = latest.results;
    }
    try {
      return results.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for search results", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("search did not answer", e);
    }
  }

  private static final class Pending {
    /** Set by whoever comes first: the debounce timer sending the request, or a newer keystroke. */
    final AtomicBoolean claimed = new AtomicBoolean();
    final AbortSignal signal = new AbortSignal();
    final CompletableFuture<SearchResults> results = new CompletableFuture<>();

    static Pending answered() {
      Pending pending = new Pending();
      pending.claimed.set(true);
      pending.results.complete(new SearchResults(List.of(), null, false));
      return pending;
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
