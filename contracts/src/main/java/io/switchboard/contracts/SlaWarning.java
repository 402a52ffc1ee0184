package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock is close to its due time.
 *
 * @param clock which clock
 * @param channel the inquiry's channel
 * @param priority the inquiry's priority
 * @param dueAt the due time
 * @param remainingSeconds time left
 * @param assigneeId current assignee, if any
 */
public record SlaWarning(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Channel channel,
    Priority priority,
    Instant dueAt,
    long remainingSeconds,
    String assigneeId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
