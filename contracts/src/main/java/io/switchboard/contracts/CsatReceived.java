package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The customer rated how the inquiry was handled.
 *
 * @param score 1 (bad) to 5 (excellent)
 * @param comment optional comment
 * @param channel the inquiry's channel
 * @param operatorId who handled it, if known
 */
public record CsatReceived(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    int score,
    String comment,
    Channel channel,
    String operatorId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
