package io.switchboard.ingest.threading;

/** The inquiry a message continues. */
public record ThreadMatch(String inquiryId, String ticket) {}
