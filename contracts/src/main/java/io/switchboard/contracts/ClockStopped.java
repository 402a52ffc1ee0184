package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An SLA clock stopped: its target was met or missed.
 *
 * @param clock which clock
 * @param channel the inquiry's channel
 * @param stoppedAt when
 * @param dueAt the due time it had
 * @param met true when stopped before the due time
 * @param elapsedSeconds counted time, in business seconds for business-time policies
 */
public record ClockStopped(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Channel channel,
    Instant stoppedAt,
    Instant dueAt,
    boolean met,
    long elapsedSeconds)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
