package io.switchboard.notification.delivery;

import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A ledger row a worker claimed: what it needs to render and send the message and to announce the
 * outcome.
 *
 * @param template the customer message's template name, or null for an alert
 * @param data the template's data, or an alert's subject and text, as JSON
 * @param attempts sends so far, this claim's included
 * @param promise for an acknowledgement, sla-service's due time if it has arrived; else null
 */
public record ClaimedDelivery(
    String id,
    String inquiryId,
    NotificationKind kind,
    int level,
    DeliveryMedium medium,
    String address,
    String recipient,
    String recipientId,
    String threadRef,
    String ticket,
    String template,
    String language,
    String data,
    int attempts,
    Instant dueAt,
    Promise promise) {

  /**
   * sla-service's first-response due time.
   *
   * @param zone the zone of the calendar that decided it
   * @param offHours the customer wrote outside that calendar's hours
   */
  public record Promise(Instant dueAt, ZoneId zone, boolean offHours) {}
}
