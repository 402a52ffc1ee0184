package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Nobody eligible had capacity: the inquiry waits in its team's queue.
 *
 * @param teamId the team whose queue holds it
 * @param priority queue order: priority, SLA due time, arrival
 * @param reason why nobody could take it
 */
public record InquiryQueued(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String teamId,
    Priority priority,
    String reason)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
