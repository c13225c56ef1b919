package dev.spanwise.seed.search;

import java.util.function.BooleanSupplier;

/**
 * {@code GET /api/search?q=...}: the raw query string, the {@code q} parameter, and whether the
 * client has gone (the seed's {@code req.on("close")} before the response was sent).
 */
public record SearchRequest(String queryString, String q, BooleanSupplier clientGone) {}
