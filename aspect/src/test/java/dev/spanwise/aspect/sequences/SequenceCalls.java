package dev.spanwise.aspect.sequences;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ContinueTrace;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import io.sentry.SpanStatus;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code @Span} methods that generated programs call, one per {@link Program.Kind}. Each span
 * carries its call's id as {@code call.id}; {@code body} runs the call's children before the method
 * returns. Woven by the load-time agent, or a Spring bean traced through its proxy.
 */
public class SequenceCalls {

  /** Thrown by the failing kinds; the caller checks it gets this very exception. */
  public static final class Boom extends RuntimeException {
    public final String id;

    public Boom(String id) {
      super("boom " + id, null, false, false);
      this.id = id;
    }
  }

  /** What every successful call returns or completes with. */
  public static String resultOf(String id) {
    return "r" + id;
  }

  @Span(op = "test.sync")
  public String sync(@SpanAttribute("call.id") String id, Runnable body) {
    body.run();
    return resultOf(id);
  }

  @Span(op = "test.throws")
  public String fails(@SpanAttribute("call.id") String id, Runnable body) {
    body.run();
    throw new Boom(id);
  }

  @Span(op = "test.status")
  public String setsStatus(@SpanAttribute("call.id") String id, Runnable body) {
    body.run();
    Spans.current().status(SpanStatus.NOT_FOUND).attribute("call.note", "set inside");
    return resultOf(id);
  }

  @Span(op = "test.future")
  @ResultAttribute("call.result")
  public CompletableFuture<String> later(
      @SpanAttribute("call.id") String id, Runnable body, long delayMillis) {
    body.run();
    return CompletableFuture.supplyAsync(
        () -> resultOf(id),
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
  }

  @Span(op = "test.future")
  public CompletableFuture<String> failsLater(
      @SpanAttribute("call.id") String id, Runnable body, long delayMillis) {
    body.run();
    return CompletableFuture.supplyAsync(
        () -> {
          throw new Boom(id);
        },
        CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
  }

  @Span(op = "test.future")
  public CompletableFuture<String> never(@SpanAttribute("call.id") String id, Runnable body) {
    body.run();
    return new CompletableFuture<>();
  }

  @Span(op = "test.future")
  @ResultAttribute("call.result")
  public CompletableFuture<String> done(@SpanAttribute("call.id") String id, Runnable body) {
    body.run();
    return CompletableFuture.completedFuture(resultOf(id));
  }

  @Span(op = "test.mono")
  @ResultAttribute("call.result")
  public Mono<String> mono(@SpanAttribute("call.id") String id) {
    return Mono.fromSupplier(() -> resultOf(id)).delayElement(Duration.ofMillis(1));
  }

  @Span(op = "test.flux")
  public Flux<String> flux(@SpanAttribute("call.id") String id) {
    return Flux.just("a", "b", resultOf(id));
  }

  @Span(op = "queue.process")
  public String consume(
      @ContinueTrace Map<String, String> headers,
      @SpanAttribute("call.id") String id,
      Runnable body) {
    body.run();
    return resultOf(id);
  }
}
