package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An inquiry moved in its lifecycle (reopen included).
 *
 * @param previous state before
 * @param current state after
 * @param actor operator id, customer or system
 * @param reason why
 */
public record InquiryStatusChanged(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    InquiryStatus previous,
    InquiryStatus current,
    String actor,
    String reason)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
