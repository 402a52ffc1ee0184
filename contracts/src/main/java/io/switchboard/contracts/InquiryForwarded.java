package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An assignment not accepted or not answered in time moved on (multi-level forwarding).
 *
 * @param fromOperatorId who had it
 * @param toOperatorId who has it now
 * @param level forwarding level: 1 is the first forward
 * @param toSupervisor true when it reached the team's supervisor
 * @param reason not accepted, not answered, SLA escalation, reassigned...
 */
public record InquiryForwarded(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String fromOperatorId,
    String toOperatorId,
    int level,
    boolean toSupervisor,
    String reason)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
