package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A clock passed its due time.
 *
 * @param clock which clock
 * @param channel the inquiry's channel
 * @param priority the inquiry's priority
 * @param dueAt the due time
 * @param assigneeId current assignee, if any
 */
public record SlaBreached(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Channel channel,
    Priority priority,
    Instant dueAt,
    String assigneeId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
