package io.switchboard.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer got a message other than the acknowledgement (resolution notice, CSAT request, chat
 * fallback).
 *
 * @param notificationId deterministic id: inquiry, kind, level
 * @param kind which message
 * @param medium how it was delivered
 * @param recipient masked address
 */
public record CustomerNotified(
    UUID eventId,
    String inquiryId,
    Instant occurredAt,
    int schemaVersion,
    String notificationId,
    NotificationKind kind,
    DeliveryMedium medium,
    String recipient)
    implements InquiryEvent {

  public static final int SCHEMA_VERSION = 1;
}
