package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * routing-service gave an inquiry to an operator.
 *
 * @param reason why this operator was chosen, for people reading the history
 */
public record InquiryAssigned(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String teamId,
    String operatorId,
    Priority priority,
    String reason)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
