package dev.sanctions.producer;

/** A problem found while reading one file, before it is tied to that file. */
record Finding(int line, String field, String message) {}
