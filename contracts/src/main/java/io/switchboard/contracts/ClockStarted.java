package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * sla-service started an SLA clock; {@code dueAt} is the honest time the customer may be promised.
 *
 * @param targetSeconds the policy's target, counted in business time when {@code businessTime}
 * @param zone the IANA time zone of the calendar the target counts in (e.g. {@code Europe/Moscow}):
 *     the zone to tell the due time in. Added within version 1; absent (null) in older payloads
 * @param offHours the target counts business time and its calendar was closed when the clock
 *     started: the customer wrote outside working hours. Added within version 1; false in older
 *     payloads
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
    boolean businessTime,
    String zone,
    boolean offHours)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
