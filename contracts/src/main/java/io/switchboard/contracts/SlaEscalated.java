package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A breach went unanswered: escalation level 1 notifies the assignee, 2 reassigns, 3 the
 * supervisor.
 *
 * @param clock which clock
 * @param channel the inquiry's channel
 * @param priority the inquiry's priority
 * @param level escalation level, from 1
 * @param assigneeId current assignee, if any
 * @param teamId the inquiry's team
 */
public record SlaEscalated(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    ClockKind clock,
    Channel channel,
    Priority priority,
    int level,
    String assigneeId,
    String teamId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
