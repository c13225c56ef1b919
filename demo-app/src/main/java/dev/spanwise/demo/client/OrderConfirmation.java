package dev.spanwise.demo.client;

/** What the checkout button shows: the order, or the HTTP status and error of a refusal. */
public record OrderConfirmation(
    int httpStatus, String orderId, String provider, long totalMinor, String error) {}
