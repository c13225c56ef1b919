package dev.spanwise.demo.client;

/** The file the user picked: name, MIME type ({@code ""} when unknown, as in a browser), size. */
public record SelectedFile(String name, String type, long size) {}
