package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification could not be delivered after its last attempt.
 *
 * @param notificationId deterministic id: inquiry, kind, level
 * @param kind which message
 * @param medium how delivery was tried
 * @param attempts attempts made
 * @param reason the last failure, personal data masked
 */
public record DeliveryFailed(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String notificationId,
    NotificationKind kind,
    DeliveryMedium medium,
    int attempts,
    String reason)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
