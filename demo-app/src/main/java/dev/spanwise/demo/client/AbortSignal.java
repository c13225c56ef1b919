package dev.spanwise.demo.client;

import java.util.concurrent.CompletableFuture;

/** The seed's {@code AbortController.signal}: aborted once, by whoever supersedes the request. */
public final class AbortSignal {

  private final CompletableFuture<Void> aborted = new CompletableFuture<>();

  /** Aborts the request this signal was given to. */
  public void abort() {
    aborted.complete(null);
  }

  public boolean isAborted() {
    return aborted.isDone();
  }

  /** Runs {@code action} when aborted, at once if already aborted. */
  public void onAbort(Runnable action) {
    aborted.thenRun(action);
  }
}
