package io.switchboard.notification.delivery;

import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;

/**
 * One message to one address, ready to send.
 *
 * @param notificationId the ledger's id, passed to providers as the idempotency key
 * @param subject for e-mail; other media send only {@code text}
 * @param threadRef what threads it to the customer's own message (e-mail Message-ID, Telegram
 *     message id), or null
 * @param ticket the inquiry's number, carried in the e-mail reply address
 */
public record OutgoingMessage(
    String notificationId,
    NotificationKind kind,
    DeliveryMedium medium,
    String address,
    String subject,
    String text,
    String threadRef,
    String ticket) {}
