package dev.spanwise.seed.checkout;

/** What {@code fakeCharge} resolves to: the provider that handled it and "success" or "failed". */
public record Charge(String provider, String status) {}
