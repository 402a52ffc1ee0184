package io.switchboard.notification.customer;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.CustomerNotified;
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.contact.CustomerContact;
import io.switchboard.notification.delivery.Addresses;
import io.switchboard.notification.delivery.Deliveries;
import io.switchboard.notification.delivery.DeliveryNotDone;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.ledger.Notification;
import io.switchboard.notification.ledger.NotificationLedger;
import io.switchboard.notification.template.Language;
import io.switchboard.notification.template.MessageTemplates;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Sends a customer a message after the acknowledgement (chat fallback, resolution notice, CSAT
 * request) on the inquiry's own channel, once per inquiry, kind and level, announcing it with
 * {@code CustomerNotified}.
 */
@ApplicationScoped
public class CustomerNotifier {
  private static final Logger LOG = Logger.getLogger(CustomerNotifier.class);

  private final NotificationLedger ledger;
  private final Deliveries deliveries;
  private final MessageTemplates templates;

  public CustomerNotifier(
      NotificationLedger ledger, Deliveries deliveries, MessageTemplates templates) {
    this.ledger = ledger;
    this.deliveries = deliveries;
    this.templates = templates;
  }

  /**
   * @param cause the event that asked for the message, for the inbox
   * @param extra placeholders beyond {@code name} and {@code ticket}
   */
  public Uni<Void> notify(
      UUID cause,
      CustomerContact contact,
      NotificationKind kind,
      MessageTemplates.Name template,
      Map<String, Object> extra) {
    String inquiryId = contact.inquiryId.toString();
    if (!deliveries.canSend(contact.medium)) {
      LOG.infof(
          "Inquiry %s: no %s provider is configured, %s not sent", inquiryId, contact.medium, kind);
      return Uni.createFrom().voidItem();
    }
    Executor backToContext = ContextExecutor.current();
    String masked = Addresses.masked(contact.medium, contact.address);
    Notification pending =
        Notification.pending(inquiryId, kind, 0, contact.medium, masked, contact.address);
    return ledger
        .open(cause, pending, Duration.ZERO)
        .chain(
            status -> {
              if (status == Notification.Status.SENT || status == Notification.Status.SUPPRESSED) {
                LOG.debugf("%s is %s, not sent again", pending.id, status);
                return Uni.createFrom().voidItem();
              }
              OutgoingMessage message = message(contact, pending.id, kind, template, extra);
              return deliveries
                  .send(message)
                  .emitOn(backToContext)
                  .chain(() -> markSent(contact, pending.id, kind, masked))
                  .onFailure(DeliveryNotDone.class)
                  .call(
                      failure -> markFailed(contact, pending.id, kind, (DeliveryNotDone) failure));
            });
  }

  private OutgoingMessage message(
      CustomerContact contact,
      String notificationId,
      NotificationKind kind,
      MessageTemplates.Name template,
      Map<String, Object> extra) {
    Map<String, Object> data = new HashMap<>(extra);
    data.put("name", contact.name);
    data.put("ticket", contact.ticket);
    MessageTemplates.Rendered text =
        templates.render(
            template.forMedium(contact.medium == DeliveryMedium.EMAIL),
            Language.of(contact.language),
            data);
    return new OutgoingMessage(
        notificationId,
        kind,
        contact.medium,
        contact.address,
        text.subject(),
        text.body(),
        contact.threadRef,
        contact.ticket);
  }

  private Uni<Void> markSent(
      CustomerContact contact, String notificationId, NotificationKind kind, String masked) {
    LOG.infof("%s sent by %s to %s", notificationId, contact.medium, masked);
    return ledger.markSent(
        notificationId,
        new CustomerNotified(
            EventIds.next(),
            contact.inquiryId.toString(),
            Instant.now(),
            CustomerNotified.SCHEMA_VERSION,
            notificationId,
            kind,
            contact.medium,
            masked));
  }

  private Uni<Void> markFailed(
      CustomerContact contact,
      String notificationId,
      NotificationKind kind,
      DeliveryNotDone failure) {
    LOG.errorf("OPERATIONAL ALERT: customer message undeliverable: %s", failure.getMessage());
    return ledger.markFailed(
        notificationId,
        failure.getMessage(),
        new DeliveryFailed(
            EventIds.next(),
            contact.inquiryId.toString(),
            Instant.now(),
            DeliveryFailed.SCHEMA_VERSION,
            notificationId,
            kind,
            contact.medium,
            failure.attempts(),
            failure.getMessage()));
  }
}
