package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A paused SLA clock runs again.
 *
 * @param clock which clock
 * @param resumedAt when
 * @param dueAt the new due time
 */
public record ClockResumed(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Instant resumedAt,
    Instant dueAt)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
