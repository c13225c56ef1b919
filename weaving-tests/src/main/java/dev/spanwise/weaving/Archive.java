package dev.spanwise.weaving;

import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;

/**
 * Plain {@code @Span} methods: one switched off by the test JVM's {@code spanwise.exclude}
 * (weaving-tests/pom.xml: {@code dev.spanwise.weaving.Archive#store}), one whose exception is
 * expected.
 */
public class Archive {

  @Span(op = "archive.store")
  public String store(String parcelId) {
    return "stored " + parcelId;
  }

  @Span(op = "archive.fetch")
  @ExpectedException(value = Lost.class, status = "not_found")
  public String fetch(@SpanAttribute("parcel.id") String parcelId) {
    if (parcelId.startsWith("lost")) {
      throw new Lost(parcelId);
    }
    return "fetched " + parcelId;
  }

  /** No such parcel in the archive. */
  public static final class Lost extends RuntimeException {
    public Lost(String parcelId) {
      super("lost " + parcelId);
    }
  }
}
