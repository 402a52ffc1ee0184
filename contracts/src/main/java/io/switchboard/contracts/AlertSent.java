package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An operator or supervisor was alerted.
 *
 * @param notificationId deterministic id: inquiry, kind, level
 * @param kind what the alert is about
 * @param medium how it was delivered
 * @param recipientId operator or supervisor id
 * @param level escalation level, 0 when none
 */
public record AlertSent(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String notificationId,
    NotificationKind kind,
    DeliveryMedium medium,
    String recipientId,
    int level)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
