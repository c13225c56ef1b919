package dev.spanwise.demo.media;

import dev.spanwise.Spans;
import dev.spanwise.annotations.ContinueTrace;
import dev.spanwise.annotations.Span;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code processMedia(job)}: {@code Sentry.continueTrace(...)} becomes {@code
 * @ContinueTrace} on the job, so each job is a transaction in the uploader's trace, whose parent is
 * the {@code queue.publish} span; the {@code queue.process} span is its child.
 */
@Component
public class MediaWorker {

  private final MediaProcessor processor;

  public MediaWorker(MediaProcessor processor) {
    this.processor = processor;
  }

  // The seed's parent span has a name and no op; "function" is Sentry's op for application code.
  @Span(op = "function", name = "media_processing_consumer")
  public ProcessingResult processMedia(@ContinueTrace ProcessingJob job) {
    ProcessingResult result = processor.process(job, MediaQueue.DESTINATION);
    if (result.isFailed()) {
      // Seed: parentSpan.setStatus({ code: 2, message: "error" }) in the child's catch block.
      Spans.current().fail();
    }
    return result;
  }
}
