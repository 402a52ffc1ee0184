package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * notification-service confirmed receipt to the customer on the inquiry's channel.
 *
 * @param notificationId deterministic id of the delivery (inquiry, kind, level)
 * @param recipient the address written to, masked (personal data stays out of topics)
 * @param promisedBy the response time promised to the customer: sla-service's first-response due
 *     time; null when it did not arrive in time and the customer was promised no time (may be null
 *     within version 1)
 */
public record AcknowledgementSent(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String notificationId,
    Channel channel,
    String recipient,
    Instant promisedBy)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
