package io.switchboard.notification.delivery;

import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.AlertSent;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CustomerNotified;
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.NotificationKind;
import java.time.Instant;

/** The event that announces a settled notification: pure, no I/O. */
final class DeliveryEvents {
  private DeliveryEvents() {}

  /** AcknowledgementSent, AlertSent or CustomerNotified, by the notification's kind. */
  static InquiryEvent sent(ClaimedDelivery row, Instant at) {
    if (row.kind() == NotificationKind.ACKNOWLEDGEMENT) {
      return new AcknowledgementSent(
          EventIds.next(),
          row.inquiryId(),
          at,
          AcknowledgementSent.SCHEMA_VERSION,
          row.id(),
          channel(row.medium()),
          row.recipient(),
          row.promise() == null ? null : row.promise().dueAt());
    }
    if (row.recipientId() != null) {
      return new AlertSent(
          EventIds.next(),
          row.inquiryId(),
          at,
          AlertSent.SCHEMA_VERSION,
          row.id(),
          row.kind(),
          row.medium(),
          row.recipientId(),
          row.level());
    }
    return new CustomerNotified(
        EventIds.next(),
        row.inquiryId(),
        at,
        CustomerNotified.SCHEMA_VERSION,
        row.id(),
        row.kind(),
        row.medium(),
        row.recipient());
  }

  static DeliveryFailed failed(
      String inquiryId,
      String notificationId,
      NotificationKind kind,
      DeliveryMedium medium,
      int attempts,
      String reason,
      Instant at) {
    return new DeliveryFailed(
        EventIds.next(),
        inquiryId,
        at,
        DeliveryFailed.SCHEMA_VERSION,
        notificationId,
        kind,
        medium,
        attempts,
        reason);
  }

  /**
   * The channel an acknowledgement reached the customer on, as {@code AcknowledgementSent} says.
   */
  static Channel channel(DeliveryMedium medium) {
    return switch (medium) {
      case EMAIL -> Channel.EMAIL;
      case SMS -> Channel.PHONE;
      case TELEGRAM -> Channel.TELEGRAM;
      case CHAT -> Channel.CHAT;
      case SLACK -> throw new IllegalStateException("customers are not written to on Slack");
    };
  }
}
