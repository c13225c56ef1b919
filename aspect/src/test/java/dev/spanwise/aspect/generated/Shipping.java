package dev.spanwise.aspect.generated;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import java.util.List;

/**
 * Compiled with {@code spanwise-processor} (see this module's pom), so that its attributes are read
 * by the generated {@code Shipping_SpanwiseBindings} instead of reflection.
 */
public class Shipping {

  /** What is shipped. */
  public record Parcel(List<String> items, Address address) {}

  /** Where a parcel goes. */
  public record Address(String country) {}

  /** A booked shipment. */
  public record Label(String trackingId, int weightGrams) {}

  @Span(op = "commerce.shipping", name = "Book Shipment")
  @ResultAttribute(value = "shipping.tracking_id", path = "trackingId")
  public Label book(
      @SpanAttribute("shipping.carrier") String carrier,
      @SpanAttribute(value = "shipping.item_count", path = "items.size") Parcel parcel,
      @SpanAttribute(value = "shipping.country", path = "address.country") Parcel sameParcel) {
    return new Label("track-" + carrier, 1200);
  }
}
