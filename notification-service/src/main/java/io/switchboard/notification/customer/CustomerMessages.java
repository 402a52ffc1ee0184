package io.switchboard.notification.customer;

import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.notification.template.MessageTemplates;
import java.util.HashMap;
import java.util.Map;

/**
 * A message to a customer after the acknowledgement (chat fallback, resolution notice, rating
 * request), on the inquiry's own channel, once per inquiry and kind: pure, no I/O.
 */
public final class CustomerMessages {
  private CustomerMessages() {}

  /**
   * @param extra placeholders beyond {@code name} and {@code ticket}
   */
  public static QueuedDelivery of(
      CustomerContact contact,
      NotificationKind kind,
      MessageTemplates.Name template,
      Map<String, Object> extra) {
    Map<String, Object> data = new HashMap<>(extra);
    data.put("name", contact.name);
    data.put("ticket", contact.ticket);
    return QueuedDelivery.toCustomer(
        contact.inquiryId.toString(),
        kind,
        contact.medium,
        contact.address,
        contact.threadRef,
        contact.ticket,
        template,
        contact.language,
        data);
  }
}
