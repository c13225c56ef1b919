package dev.spanwise.seed.checkout;

/** One line of the cart the browser posts: {@code { productId, quantity }}. */
public record CartLine(String productId, int quantity) {}
