package dev.spanwise.aspect.sequences;

import dev.spanwise.Spans;
import dev.spanwise.TraceHeaders;
import dev.spanwise.aspect.sequences.Program.Call;
import dev.spanwise.aspect.sequences.Program.Caller;
import dev.spanwise.aspect.sequences.Program.Script;
import dev.spanwise.aspect.sequences.Program.Transaction;
import dev.spanwise.aspect.sequences.SequenceCalls.Boom;
import io.sentry.ISentryLifecycleToken;
import io.sentry.ISpan;
import io.sentry.ITransaction;
import io.sentry.Sentry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a {@link Program} against {@link SequenceCalls}, as an application would, and notes what
 * its caller saw that it should not have: a result or exception other than the method's, a span
 * not yet finished when the caller observed the completion of what the method returned, a scope
 * not given back exactly after a call, or anything left active after a transaction.
 */
final class Interpreter {

  private static final MethodHandle VIRTUAL_THREAD = virtualThreadFactory();

  private final SequenceCalls calls;
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  Interpreter(SequenceCalls calls) {
    this.calls = calls;
  }

  /**
   * Runs every thread of {@code program} to its end; returns what went wrong, if anything. The
   * first script runs on the calling thread, which in the tests is the one that called {@code
   * Sentry.init} and so holds the root scopes. The other threads fork theirs from those first:
   * Sentry copies into a fork whatever the root scopes hold at that moment (a transaction bound
   * there, an active span), which would make a thread's calls part of another thread's trace.
   */
  List<String> run(Program program) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<Script> scripts = program.threads();
    CountDownLatch forked = new CountDownLatch(scripts.size() - 1);
    for (Script script : scripts.subList(1, scripts.size())) {
      Runnable work =
          () -> {
            Sentry.getCurrentScopes();
            forked.countDown();
            runScript(script);
          };
      threads.add(script.virtual() && VIRTUAL_THREAD != null ? virtual(work) : new Thread(work));
    }
    threads.forEach(Thread::start);
    if (!forked.await(30, TimeUnit.SECONDS)) {
      violations.add("the threads did not start in 30 s");
    }
    runScript(scripts.get(0));
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
      if (thread.isAlive()) {
        violations.add("a thread did not finish in 30 s");
      }
    }
    return List.copyOf(violations);
  }

  /** Whether this JDK runs the scripts marked virtual on virtual threads. */
  static boolean hasVirtualThreads() {
    return VIRTUAL_THREAD != null;
  }

  private void runScript(Script script) {
    try {
      for (Transaction transaction : script.transactions()) {
        runTransaction(transaction);
        ScopeProbe after = ScopeProbe.now();
        if (!after.isEmpty() || Sentry.getSpan() != null) {
          violations.add("after " + transaction.id() + " the thread's scopes hold " + after);
        }
      }
    } catch (RuntimeException | AssertionError e) {
      violations.add("the program threw " + e);
    }
  }

  private void runTransaction(Transaction transaction) {
    switch (transaction.start()) {
      case SENTRY -> {
        ITransaction started = Sentry.startTransaction(transaction.id(), "test.transaction");
        try (ISentryLifecycleToken ignored = started.makeCurrent()) {
          Context context = new Context(started);
          transaction.calls().forEach(call -> call(call, context));
          context.awaitIgnored();
        }
        started.finish();
      }
      case SPAN -> {
        String result =
            calls.sync(
                transaction.id(),
                () -> {
                  Context context = new Context(liveTransaction(transaction.id()));
                  transaction.calls().forEach(call -> call(call, context));
                  context.awaitIgnored();
                });
        expectResult(transaction.id(), result);
      }
    }
  }

  /** One transaction as the program sees it while it runs. */
  private final class Context {
    final ITransaction live;
    final List<CompletableFuture<String>> ignored = new ArrayList<>();

    Context(ITransaction live) {
      this.live = live;
    }

    /** The span of call {@code id}, finished by now? Asked when the caller sees a completion. */
    void expectFinished(String id, String when) {
      if (!finished(id)) {
        violations.add(id + ": span not finished when " + when);
      }
    }

    boolean finished(String id) {
      if (live == null) {
        return true;
      }
      for (io.sentry.Span span : live.getSpans()) {
        if (id.equals(span.getData("call.id"))) {
          return span.isFinished();
        }
      }
      return false;
    }

    /** The transaction ends: what its callers ignored is waited for first. */
    void awaitIgnored() {
      for (CompletableFuture<String> future : ignored) {
        future.handle((value, failure) -> value).join();
      }
    }
  }

  private ITransaction liveTransaction(String id) {
    ISpan current = Sentry.getSpan();
    if (current instanceof ITransaction transaction) {
      return transaction;
    }
    violations.add(id + ": inside the root call, the current span is " + current);
    return null;
  }

  private void call(Call call, Context context) {
    ScopeProbe before = ScopeProbe.now();
    String id = call.id();
    Runnable body = () -> call.children().forEach(child -> call(child, context));
    switch (call.kind()) {
      case SYNC -> expectResult(id, calls.sync(id, body));
      case SETS_STATUS -> expectResult(id, calls.setsStatus(id, body));
      case THROWS -> {
        try {
          calls.fails(id, body);
          violations.add(id + ": returned instead of throwing");
        } catch (Boom boom) {
          if (!boom.id.equals(id)) {
            violations.add(id + ": the caller got the exception of " + boom.id);
          }
        }
      }
      case FUTURE_LATER -> observe(call, calls.later(id, body, delayOf(id)), context);
      case FUTURE_FAILS -> observe(call, calls.failsLater(id, body, delayOf(id)), context);
      case FUTURE_DONE -> observe(call, calls.done(id, body), context);
      case FUTURE_CANCELLED -> {
        CompletableFuture<String> future = calls.never(id, body);
        if (!future.cancel(true) || !future.isCancelled()) {
          violations.add(id + ": cancel() did not cancel");
        }
        context.expectFinished(id, "cancel() returned");
      }
      case MONO -> observe(call, calls.mono(id), context);
      case FLUX -> observe(call, calls.flux(id), context);
      case CONSUMER -> {
        TraceHeaders headers = Spans.traceHeaders();
        Map<String, String> message = new HashMap<>();
        message.put("sentry-trace", headers.sentryTrace());
        message.put("baggage", headers.baggage());
        String result =
            calls.consume(
                message,
                id,
                () -> {
                  Context consumer = new Context(liveTransaction(id));
                  call.children().forEach(child -> call(child, consumer));
                  consumer.awaitIgnored();
                });
        expectResult(id, result);
      }
    }
    ScopeProbe after = ScopeProbe.now();
    if (!after.sameAs(before)) {
      violations.add(id + ": the scopes held " + before + " before the call, " + after + " after");
    }
  }

  private void observe(Call call, CompletableFuture<String> future, Context context) {
    String id = call.id();
    boolean fails = call.kind() == Program.Kind.FUTURE_FAILS;
    switch (call.caller()) {
      case JOIN -> {
        try {
          String value = future.join();
          expectResult(id, value);
          if (fails) {
            violations.add(id + ": join() returned for a failing future");
          }
        } catch (CompletionException e) {
          if (!fails || !(e.getCause() instanceof Boom boom) || !boom.id.equals(id)) {
            violations.add(id + ": join() threw " + e);
          }
        }
        context.expectFinished(id, "join() returned");
      }
      case CHAIN -> {
        boolean finished =
            future.handle((value, failure) -> context.finished(id)).join();
        if (!finished) {
          violations.add(id + ": span not finished in the caller's handle()");
        }
      }
      case IGNORE -> context.ignored.add(future);
    }
  }

  private void observe(Call call, Mono<String> mono, Context context) {
    String id = call.id();
    switch (call.caller()) {
      case JOIN -> {
        expectResult(id, mono.block());
        context.expectFinished(id, "block() returned");
      }
      case CHAIN -> {
        if (!Boolean.TRUE.equals(mono.map(value -> context.finished(id)).block())) {
          violations.add(id + ": span not finished in the subscriber's map()");
        }
      }
      case IGNORE -> {
        // Never subscribed: nothing runs, nothing is recorded.
      }
    }
  }

  private void observe(Call call, Flux<String> flux, Context context) {
    String id = call.id();
    switch (call.caller()) {
      case JOIN -> {
        List<String> values = flux.collectList().block();
        expect(id, Objects.requireNonNull(values).get(values.size() - 1), SequenceCalls.resultOf(id));
        context.expectFinished(id, "the Flux completed");
      }
      case CHAIN -> {
        if (!Boolean.TRUE.equals(flux.collectList().map(values -> context.finished(id)).block())) {
          violations.add(id + ": span not finished in the subscriber's map()");
        }
      }
      case IGNORE -> {
        // Never subscribed.
      }
    }
  }

  private void expectResult(String id, String result) {
    expect(id, result, SequenceCalls.resultOf(id));
  }

  private void expect(String id, String actual, String expected) {
    if (!expected.equals(actual)) {
      violations.add(id + ": the caller got " + actual + ", not " + expected);
    }
  }

  /** 0 to 3 ms, fixed per call, so that a shrunk program fails the same way again. */
  private static long delayOf(String id) {
    return Math.floorMod(id.hashCode(), 4);
  }

  private static Thread virtual(Runnable work) {
    try {
      return (Thread) VIRTUAL_THREAD.invoke(work);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code Thread.ofVirtual().unstarted(Runnable)} on JDK 21+, {@code null} before. */
  private static MethodHandle virtualThreadFactory() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Class<?> builder = Class.forName("java.lang.Thread$Builder$OfVirtual");
      Object ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(builder)).invoke();
      return lookup
          .findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class))
          .bindTo(ofVirtual);
    } catch (Throwable e) {
      return null;
    }
  }
}
