package io.switchboard.ingest.problem;

/** One thing wrong with a request: which field, and why. */
public record FieldError(String field, String reason) {}
