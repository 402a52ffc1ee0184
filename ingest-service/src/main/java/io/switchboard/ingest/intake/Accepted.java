package io.switchboard.ingest.intake;

/** The answer to a channel: the inquiry its message became. */
public record Accepted(String inquiryId, String ticket) {}
