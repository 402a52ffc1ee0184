package io.switchboard.notification.alert;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.AlertSent;
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.delivery.Addresses;
import io.switchboard.notification.delivery.Deliveries;
import io.switchboard.notification.delivery.DeliveryNotDone;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.ledger.Notification;
import io.switchboard.notification.ledger.NotificationLedger;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Alerts operators and supervisors by their preferred medium, once per inquiry, kind and level.
 * Non-urgent alerts outside the recipient's working hours are held and sent when they start.
 */
@ApplicationScoped
public class Alerts {
  private static final Logger LOG = Logger.getLogger(Alerts.class);

  private final AlertStore store;
  private final CustomerContacts contacts;
  private final NotificationLedger ledger;
  private final Deliveries deliveries;
  private final NotificationConfig config;

  public Alerts(
      AlertStore store,
      CustomerContacts contacts,
      NotificationLedger ledger,
      Deliveries deliveries,
      NotificationConfig config) {
    this.store = store;
    this.contacts = contacts;
    this.ledger = ledger;
    this.deliveries = deliveries;
    this.config = config;
  }

  /** Raises the alert {@code event} calls for, if any. */
  public Uni<Void> apply(InquiryEvent event) {
    // A new inquiry carries its ticket; later events find it in the contact copy.
    Uni<String> ticketOrId =
        event instanceof InquiryReceived received
            ? Uni.createFrom().item(received.ticket())
            : contacts
                .find(event.inquiryId())
                .map(contact -> contact != null ? contact.ticket : event.inquiryId());
    return ticketOrId.chain(
        ticket -> {
          Optional<AlertPlan> plan =
              AlertRouting.plan(
                  event, ticket, config.customerTimeZone(), config.alerts().dutyOperator());
          return plan.isPresent() ? raise(event, plan.get()) : Uni.createFrom().voidItem();
        });
  }

  private Uni<Void> raise(InquiryEvent cause, AlertPlan plan) {
    Executor backToContext = ContextExecutor.current();
    return store
        .recipient(plan.operatorId(), plan.toSupervisor())
        .chain(
            recipient -> {
              if (recipient == null) {
                LOG.infof(
                    "No alert recipient for %s%s: %s not sent",
                    plan.toSupervisor() ? "the supervisor of " : "",
                    plan.operatorId(),
                    plan.kind());
                return Uni.createFrom().voidItem();
              }
              Notification pending =
                  Notification.pending(
                      plan.inquiryId(),
                      plan.kind(),
                      plan.level(),
                      recipient.medium,
                      Addresses.masked(recipient.medium, recipient.address),
                      recipient.address);
              if (plan.kind() == NotificationKind.ASSIGNMENT_ALERT) {
                // A reassignment is a new assignment: the new operator must hear of it too, while
                // a redelivered assignment to the same operator keeps its id and is not resent.
                pending.id = pending.id + ":" + plan.operatorId();
              }
              return ledger
                  .open(cause.eventId(), pending, Duration.ZERO)
                  .chain(
                      status -> {
                        if (status == Notification.Status.SENT) {
                          return Uni.createFrom().voidItem();
                        }
                        if (!plan.urgent() && !recipient.hours().isOpen(Instant.now())) {
                          LOG.infof(
                              "Alert %s held until %s starts work",
                              pending.id, recipient.operatorId);
                          return store.hold(pending.id, plan, recipient.operatorId);
                        }
                        return deliver(pending.id, plan, recipient, backToContext);
                      });
            });
  }

  /** Sends held alerts whose recipients are at work now. */
  @Scheduled(
      every = "${switchboard.notification.alerts.release-every:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> releaseHeld() {
    Executor backToContext = ContextExecutor.current();
    return store
        .held()
        .onItem()
        .transformToMulti(held -> Multi.createFrom().iterable(held))
        .onItem()
        .transformToUniAndConcatenate(held -> release(held, backToContext))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> release(HeldAlert held, Executor backToContext) {
    return store
        .recipient(held.recipientId, false)
        .chain(
            recipient -> {
              if (recipient != null && !recipient.hours().isOpen(Instant.now())) {
                return Uni.createFrom().voidItem();
              }
              if (recipient == null) {
                LOG.infof("Held alert %s: recipient gone, dropped", held.notificationId);
                return store.release(held.notificationId);
              }
              AlertPlan plan =
                  new AlertPlan(
                      held.inquiryId.toString(),
                      held.recipientId,
                      false,
                      held.kind,
                      held.level,
                      false,
                      held.subject,
                      held.text);
              return deliver(held.notificationId, plan, recipient, backToContext)
                  .onFailure()
                  .recoverWithNull()
                  .chain(() -> store.release(held.notificationId));
            });
  }

  private Uni<Void> deliver(
      String notificationId, AlertPlan plan, Recipient recipient, Executor backToContext) {
    OutgoingMessage message =
        new OutgoingMessage(
            notificationId,
            plan.kind(),
            recipient.medium,
            recipient.address,
            plan.subject(),
            plan.text(),
            null,
            null);
    return deliveries
        .send(message)
        .emitOn(backToContext)
        .chain(
            () -> {
              LOG.infof(
                  "Alert %s sent to %s by %s",
                  notificationId, recipient.operatorId, recipient.medium);
              return ledger.markSent(
                  notificationId,
                  new AlertSent(
                      EventIds.next(),
                      plan.inquiryId(),
                      Instant.now(),
                      AlertSent.SCHEMA_VERSION,
                      notificationId,
                      plan.kind(),
                      recipient.medium,
                      recipient.operatorId,
                      plan.level()));
            })
        .onFailure(DeliveryNotDone.class)
        .call(
            failure -> {
              LOG.errorf("OPERATIONAL ALERT: alert undeliverable: %s", failure.getMessage());
              return ledger.markFailed(
                  notificationId,
                  failure.getMessage(),
                  new DeliveryFailed(
                      EventIds.next(),
                      plan.inquiryId(),
                      Instant.now(),
                      DeliveryFailed.SCHEMA_VERSION,
                      notificationId,
                      plan.kind(),
                      recipient.medium,
                      ((DeliveryNotDone) failure).attempts(),
                      failure.getMessage()));
            });
  }
}
