package dev.spanwise.weaving;

import dev.spanwise.annotations.Span;
import java.util.concurrent.CompletableFuture;

/** Implementations of {@link Carrier}, and the woven code that calls them through the interface. */
public final class Couriers {

  private Couriers() {}

  /** Books through the port, as application code does: these calls are woven by ajc. */
  public static String dispatch(Carrier carrier, String parcelId) {
    return carrier.book(parcelId);
  }

  /** A quote through the port. */
  public static CompletableFuture<Long> quote(Carrier carrier, String parcelId) {
    return carrier.quoteLater(parcelId);
  }

  /** Without annotations of its own. */
  public static class Bike implements Carrier {

    @Override
    public String book(String parcelId) {
      if (parcelId.startsWith("far")) {
        throw new NoCourier(parcelId);
      }
      return "bike-" + parcelId;
    }

    @Override
    public CompletableFuture<Long> quoteLater(String parcelId) {
      return CompletableFuture.supplyAsync(
          () -> {
            if (parcelId.startsWith("far")) {
              throw new NoCourier(parcelId);
            }
            return 500L;
          });
    }
  }

  /** A subclass that calls the implementation it overrides: one call, one span. */
  public static class ExpressBike extends Bike {

    @Override
    public String book(String parcelId) {
      return "express-" + super.book(parcelId);
    }
  }

  /** With its own {@code @Span}, which wins. */
  public static class Van implements Carrier {

    @Override
    @Span(op = "shipping.book_van")
    public String book(String parcelId) {
      return "van-" + parcelId;
    }

    @Override
    public CompletableFuture<Long> quoteLater(String parcelId) {
      return CompletableFuture.completedFuture(900L);
    }
  }
}
