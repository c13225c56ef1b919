package dev.spanwise.benchmarks;

import java.util.List;

/** The argument whose {@code items.size} is the benchmarks' path attribute. */
public record Cart(List<String> items) {}
