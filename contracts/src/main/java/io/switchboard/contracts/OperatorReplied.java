package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Somebody on the company side answered in the channel's own tool (e-mail client, chat console).
 *
 * @param channel where the answer was written
 * @param operatorId the operator, when known
 * @param operatorAddress the company-side address that wrote, e.g. support@example.com
 * @param sourceMessageId the channel's own id of the message
 */
public record OperatorReplied(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    Channel channel,
    String operatorId,
    String operatorAddress,
    String sourceMessageId)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
