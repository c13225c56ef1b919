package dev.spanwise.weaving;

import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;

/**
 * Plain Java, no Spring: calls that proxies cannot see, woven by ajc at build time. Each {@code
 * @Span} method below is reached only from inside this class, or is private or static.
 */
public class Warehouse {

  @Span(op = "warehouse.ship", name = "Ship Parcel")
  @ResultAttribute(value = "parcel.label", path = "")
  public String ship(@SpanAttribute("parcel.id") String parcelId) {
    String bin = this.pick(parcelId);
    return label(parcelId, bin);
  }

  @Span(op = "warehouse.pick")
  public String pick(@SpanAttribute("parcel.id") String parcelId) {
    return "bin-" + weigh(parcelId);
  }

  @Span(op = "warehouse.weigh")
  private int weigh(@SpanAttribute("parcel.id") String parcelId) {
    return parcelId.length();
  }

  @Span(op = "warehouse.label")
  static String label(@SpanAttribute("parcel.id") String parcelId, String bin) {
    return parcelId + "@" + bin;
  }
}
