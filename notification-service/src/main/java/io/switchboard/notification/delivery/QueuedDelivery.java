package io.switchboard.notification.delivery;

import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.template.MessageTemplates;
import java.time.Instant;
import java.util.Map;

/**
 * A message a consumer decided to send, as it is written to the ledger: everything the worker needs
 * to send it later, on any instance.
 *
 * @param recipient the address masked, as the ledger and events show it
 * @param recipientId the operator an alert is for; null for customers
 * @param address where it goes: e-mail address, phone number, chat id, session or webhook URL
 * @param template a customer message's template (rendered at send time), or null for an alert,
 *     whose {@code data} holds its {@code subject} and {@code text}
 * @param afterId sent only once this notification is settled, or null
 * @param heldForHours a routine alert that waits for its recipient's working hours
 * @param dueAt when it may go out; null for at once
 * @param suppressed written down but never sent (a second acknowledgement to one address in a
 *     batch)
 */
public record QueuedDelivery(
    String id,
    String inquiryId,
    NotificationKind kind,
    int level,
    DeliveryMedium medium,
    String recipient,
    String recipientId,
    String address,
    String threadRef,
    String ticket,
    MessageTemplates.Name template,
    String language,
    Map<String, Object> data,
    String afterId,
    boolean heldForHours,
    Instant dueAt,
    boolean suppressed) {

  /** A message to an inquiry's customer, rendered from {@code template} when it is sent. */
  public static QueuedDelivery toCustomer(
      String inquiryId,
      NotificationKind kind,
      DeliveryMedium medium,
      String address,
      String threadRef,
      String ticket,
      MessageTemplates.Name template,
      String language,
      Map<String, Object> data) {
    return new QueuedDelivery(
        NotificationIds.of(inquiryId, kind, 0),
        inquiryId,
        kind,
        0,
        medium,
        Addresses.masked(medium, address),
        null,
        address,
        threadRef,
        ticket,
        template,
        language,
        data,
        null,
        false,
        null,
        false);
  }

  public QueuedDelivery due(Instant at) {
    return new QueuedDelivery(
        id,
        inquiryId,
        kind,
        level,
        medium,
        recipient,
        recipientId,
        address,
        threadRef,
        ticket,
        template,
        language,
        data,
        afterId,
        heldForHours,
        at,
        suppressed);
  }

  public QueuedDelivery after(String notificationId) {
    return new QueuedDelivery(
        id,
        inquiryId,
        kind,
        level,
        medium,
        recipient,
        recipientId,
        address,
        threadRef,
        ticket,
        template,
        language,
        data,
        notificationId,
        heldForHours,
        dueAt,
        suppressed);
  }

  public QueuedDelivery suppress() {
    return new QueuedDelivery(
        id,
        inquiryId,
        kind,
        level,
        medium,
        recipient,
        recipientId,
        address,
        threadRef,
        ticket,
        template,
        language,
        data,
        afterId,
        heldForHours,
        dueAt,
        true);
  }

  public String recipientKey() {
    return NotificationIds.recipientKey(address);
  }
}
