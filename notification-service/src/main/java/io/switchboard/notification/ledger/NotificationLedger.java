package io.switchboard.notification.ledger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The two transactions around a send. Sending cannot join a database transaction, so the ledger row
 * is committed PENDING before the send and SENT or FAILED, with the event announcing it, after.
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
   * Writes {@code pending} down unless its row exists, and answers the row's status: PENDING and
   * FAILED are to be sent. A redelivered event is not skipped on the inbox's word alone: if the
   * previous attempt stopped between sending and {@link #markSent}, the row is still PENDING and
   * the customer may not have the message.
   *
   * @param window when positive, a new notification to an address that had one of the same kind
   *     within it is recorded SUPPRESSED instead: two auto-responders can never loop
   */
  @WithTransaction
  public Uni<Notification.Status> open(UUID eventId, Notification pending, Duration window) {
    return inbox
        .firstDelivery(CONSUMER, eventId)
        .invoke(first -> noteRedelivery(first, eventId))
        .chain(() -> Notification.<Notification>findById(pending.id))
        .chain(stored -> stored != null ? Uni.createFrom().item(stored) : create(pending, window))
        .map(stored -> stored.status);
  }

  /** Marks the notification sent and stages {@code sent}: both commit, or neither. */
  @WithTransaction
  public Uni<Void> markSent(String notificationId, InquiryEvent sent) {
    return find(notificationId)
        .invoke(
            notification -> {
              notification.status = Notification.Status.SENT;
              notification.sentAt = sent.occurredAt();
              notification.failure = null;
            })
        .chain(() -> outbox.stage(sent));
  }

  /** Marks the notification failed for good and stages {@code failed}: both commit, or neither. */
  @WithTransaction
  public Uni<Void> markFailed(String notificationId, String reason, InquiryEvent failed) {
    return find(notificationId)
        .invoke(
            notification -> {
              notification.status = Notification.Status.FAILED;
              notification.failure = reason;
            })
        .chain(() -> outbox.stage(failed));
  }

  private static Uni<Notification> find(String notificationId) {
    return Notification.<Notification>findById(notificationId)
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalStateException("no notification " + notificationId));
  }

  private static Uni<Notification> create(Notification pending, Duration window) {
    if (window.isZero() || window.isNegative()) {
      return pending.persist();
    }
    return Notification.count(
            "recipientKey = ?1 and kind = ?2 and status in ?3 and createdAt > ?4",
            pending.recipientKey,
            pending.kind,
            List.of(Notification.Status.PENDING, Notification.Status.SENT),
            Instant.now().minus(window))
        .chain(
            recent -> {
              if (recent > 0) {
                LOG.infof(
                    "Notification %s to %s suppressed: one went to this address within %s",
                    pending.id, pending.recipient, window);
                pending.status = Notification.Status.SUPPRESSED;
              }
              return pending.persist();
            });
  }

  private static void noteRedelivery(boolean first, UUID eventId) {
    if (!first) {
      LOG.debugf("Event %s redelivered: the ledger decides whether to send", eventId);
    }
  }
}
