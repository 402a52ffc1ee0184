package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock paused while the inquiry waits on the customer.
 *
 * @param clock which clock
 * @param pausedAt when
 * @param remainingSeconds time left on the target
 */
public record ClockPaused(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Instant pausedAt,
    long remainingSeconds)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
