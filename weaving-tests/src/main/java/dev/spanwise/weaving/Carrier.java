package dev.spanwise.weaving;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.concurrent.CompletableFuture;

/** A port: its annotations are on the interface, its implementations carry none (or their own). */
public interface Carrier {

  @Span(op = "shipping.book", name = "Book Courier")
  @ResultAttribute(value = "shipping.tracking_id", path = "")
  @ExpectedException(value = NoCourier.class, status = "unavailable")
  String book(@SpanAttribute("parcel.id") String parcelId);

  @Span(op = "shipping.quote")
  @ExpectedException(value = NoCourier.class, status = "unavailable")
  CompletableFuture<Long> quoteLater(@SpanAttribute("parcel.id") String parcelId);

  /** No courier today: an expected outcome, not a failure. */
  final class NoCourier extends RuntimeException {
    public NoCourier(String parcelId) {
      super("no courier for " + parcelId);
    }
  }
}
