package dev.spanwise.demo.media;

import dev.spanwise.TraceHeaders;
import dev.spanwise.Spans;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.conventions.SentryAttributes.Messaging;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * SnapTrace's in-process {@code media-processing} queue: the producer span stores the trace
 * headers in the job, and one consumer thread hands each job to {@link MediaWorker}, which
 * continues the trace there.
 */
@Component
public class MediaQueue implements SmartLifecycle {

  /** The queue's name, {@code messaging.destination.name}. */
  public static final String DESTINATION = "media-processing";

  private final BlockingQueue<ProcessingJob> jobs = new LinkedBlockingQueue<>();
  private final MediaWorker worker;
  private volatile Thread consumer;

  public MediaQueue(MediaWorker worker) {
    this.worker = worker;
  }

  /** The producer span: enqueues the job with the trace headers of this span. */
  @Span(op = "queue.publish", name = "queue_producer")
  public void publish(
      @SpanAttribute(value = Messaging.MESSAGE_ID, path = "id")
      @SpanAttribute(value = Messaging.MESSAGE_BODY_SIZE, path = "fileSize")
      ProcessingJob job,
      @SpanAttribute(Messaging.DESTINATION_NAME) String destination) {
    // Seed: const { "sentry-trace": sentryTrace, baggage } = Sentry.getTraceData()
    TraceHeaders trace = Spans.traceHeaders();
    jobs.add(
        new ProcessingJob(
            job.id(),
            job.fileName(),
            job.fileType(),
            job.fileSize(),
            trace.sentryTrace(),
            trace.baggage(),
            System.currentTimeMillis(),
            job.retryCount()));
  }

  @Override
  public void start() {
    Thread thread = new Thread(this::consume, "media-processing-consumer");
    thread.setDaemon(true);
    consumer = thread;
    thread.start();
  }

  @Override
  public void stop() {
    Thread thread = consumer;
    consumer = null;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return consumer != null;
  }

  private void consume() {
    while (consumer == Thread.currentThread()) {
      ProcessingJob job;
      try {
        job = jobs.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (job != null) {
        try {
          worker.processMedia(job);
        } catch (RuntimeException e) {
          // Recorded on the consumer's transaction; the loop goes on with the next job.
        }
      }
    }
  }
}
