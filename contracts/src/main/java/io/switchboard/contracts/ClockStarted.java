package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * sla-service started an SLA clock; {@code dueAt} is the honest time the customer may be promised.
 *
 * @param targetSeconds the policy's target, counted in business time when {@code businessTime}
 */
public record ClockStarted(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Channel channel,
    Instant startedAt,
    Instant dueAt,
    long targetSeconds,
    boolean businessTime)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
