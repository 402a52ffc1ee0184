package io.switchboard.notification.ledger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The two transactions around a send. Sending cannot join a database transaction, so the ledger row
 * is committed PENDING before the send and SENT, with the event announcing it, after.
 */
@ApplicationScoped
public class NotificationLedger {
  public static final String CONSUMER = "notification-service";
  private static final Logger LOG = Logger.getLogger(NotificationLedger.class);

  private final Inbox inbox;
  private final Outbox outbox;

  public NotificationLedger(Inbox inbox, Outbox outbox) {
    this.inbox = inbox;
    this.outbox = outbox;
  }

  /**
   * Writes {@code pending} down unless its row exists, and answers the row's status. A redelivered
   * event is not skipped on the inbox's word alone: if the previous attempt stopped between sending
   * and {@link #markSent}, the row is still PENDING and the customer may not have the message.
   */
  @WithTransaction
  public Uni<Notification.Status> open(UUID eventId, Notification pending) {
    return inbox
        .firstDelivery(CONSUMER, eventId)
        .invoke(first -> noteRedelivery(first, eventId))
        .chain(() -> Notification.<Notification>findById(pending.id))
        .chain(stored -> storedOrNew(stored, pending))
        .map(stored -> stored.status);
  }

  /** Marks the notification sent and stages {@code sent}: both commit, or neither. */
  @WithTransaction
  public Uni<Void> markSent(String notificationId, InquiryEvent sent) {
    return Notification.<Notification>findById(notificationId)
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalStateException("no notification " + notificationId))
        .invoke(
            notification -> {
              notification.status = Notification.Status.SENT;
              notification.sentAt = sent.occurredAt();
            })
        .chain(() -> outbox.stage(sent));
  }

  private static Uni<Notification> storedOrNew(Notification stored, Notification pending) {
    return stored != null ? Uni.createFrom().item(stored) : pending.persist();
  }

  private static void noteRedelivery(boolean first, UUID eventId) {
    if (!first) {
      LOG.debugf("Event %s redelivered: the ledger decides whether to send", eventId);
    }
  }
}
