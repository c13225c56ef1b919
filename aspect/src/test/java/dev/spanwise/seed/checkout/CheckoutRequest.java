package dev.spanwise.seed.checkout;

import java.util.List;

/** The body of {@code POST /api/checkout}: {@code { items, paymentProvider }}. */
public record CheckoutRequest(List<CartLine> items, String paymentProvider) {}
