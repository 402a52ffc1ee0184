package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The assigned operator took the inquiry.
 *
 * @param operatorId who accepted
 */
public record InquiryAccepted(
    UUID eventId, String inquiryId, Instant occurredAt, int schemaVersion, String operatorId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
