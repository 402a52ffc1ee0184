package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.AcknowledgementSent;
import io.switchboard.contracts.DeliveryFailed;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.delivery.Deliveries;
import io.switchboard.notification.delivery.DeliveryNotDone;
import io.switchboard.notification.delivery.OutgoingMessage;
import io.switchboard.notification.ledger.Notification;
import io.switchboard.notification.ledger.NotificationLedger;
import io.switchboard.notification.template.BusinessHours;
import io.switchboard.notification.template.CustomerNames;
import io.switchboard.notification.template.ExpectedTime;
import io.switchboard.notification.template.Language;
import io.switchboard.notification.template.MessageTemplates;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Acknowledges each new inquiry once, on its own channel, promising sla-service's due time when it
 * arrives within a few seconds of receipt and the channel's general promise otherwise: the
 * acknowledgement is never held hostage to another service.
 */
@ApplicationScoped
public class AcknowledgementSender {
  private static final Logger LOG = Logger.getLogger(AcknowledgementSender.class);
  private static final int LEVEL = 0;

  private final NotificationLedger ledger;
  private final CustomerContacts contacts;
  private final Deliveries deliveries;
  private final ExpectedResponseTimes expectedTimes;
  private final MessageTemplates templates;
  private final NotificationConfig config;
  private final BusinessHours businessHours;

  public AcknowledgementSender(
      NotificationLedger ledger,
      CustomerContacts contacts,
      Deliveries deliveries,
      ExpectedResponseTimes expectedTimes,
      MessageTemplates templates,
      NotificationConfig config) {
    this.ledger = ledger;
    this.contacts = contacts;
    this.deliveries = deliveries;
    this.expectedTimes = expectedTimes;
    this.templates = templates;
    this.config = config;
    NotificationConfig.BusinessHours hours = config.businessHours();
    this.businessHours =
        new BusinessHours(hours.days(), hours.start(), hours.end(), config.customerTimeZone());
  }

  public Uni<Void> apply(InquiryEvent event) {
    if (!(event instanceof InquiryReceived received)) {
      return Uni.createFrom().voidItem();
    }
    if (received.automatic()) {
      // Answering a bounce or an auto-reply starts a mail loop.
      LOG.infof("Inquiry %s was written by a machine: not acknowledged", received.inquiryId());
      return Uni.createFrom().voidItem();
    }
    Optional<AcknowledgementRoute> route = AcknowledgementRoute.of(received);
    if (route.isEmpty()) {
      LOG.infof("Inquiry %s has no reply address: not acknowledged", received.inquiryId());
      return Uni.createFrom().voidItem();
    }
    // Kept even when this deployment cannot acknowledge on the channel: the resolution notice and
    // rating request need it later, when a provider may be configured.
    return contacts
        .remember(received, route.get())
        .chain(
            () -> {
              if (!deliveries.canSend(route.get().medium())) {
                LOG.infof(
                    "Inquiry %s: no %s provider is configured, not acknowledged",
                    received.inquiryId(), route.get().medium());
                return Uni.createFrom().voidItem();
              }
              return acknowledge(received, route.get());
            });
  }

  private Uni<Void> acknowledge(InquiryReceived inquiry, AcknowledgementRoute route) {
    Executor backToContext = ContextExecutor.current();
    Notification pending =
        Notification.pending(
            inquiry.inquiryId(),
            NotificationKind.ACKNOWLEDGEMENT,
            LEVEL,
            route.medium(),
            route.maskedAddress(),
            route.address());
    return ledger
        .open(inquiry.eventId(), pending, config.acknowledgementWindow())
        .chain(
            status ->
                switch (status) {
                  case SENT, SUPPRESSED -> skip(pending.id, status);
                  case PENDING, FAILED ->
                      expectedTimes
                          .await(
                              inquiry.inquiryId(),
                              inquiry.occurredAt().plus(config.expectedTimeWait()))
                          .emitOn(backToContext)
                          .chain(due -> send(inquiry, route, pending.id, due, backToContext));
                });
  }

  private Uni<Void> send(
      InquiryReceived inquiry,
      AcknowledgementRoute route,
      String notificationId,
      Instant dueAt,
      Executor backToContext) {
    Instant promisedBy =
        dueAt != null
            ? dueAt
            : FirstResponseTargets.promisedBy(inquiry.channel(), inquiry.occurredAt());
    OutgoingMessage message = message(inquiry, route, notificationId, promisedBy);
    return deliveries
        .send(message)
        .emitOn(backToContext)
        .chain(() -> recordSent(inquiry, route, notificationId, promisedBy, dueAt != null))
        .onFailure(DeliveryNotDone.class)
        .call(failure -> recordFailed(inquiry, route, notificationId, (DeliveryNotDone) failure));
  }

  private OutgoingMessage message(
      InquiryReceived inquiry,
      AcknowledgementRoute route,
      String notificationId,
      Instant promisedBy) {
    Language language = Language.of(inquiry.language());
    Map<String, Object> data = new HashMap<>();
    data.put("name", CustomerNames.of(inquiry.customer()));
    data.put("ticket", inquiry.ticket());
    data.put("channel", inquiry.channel().name());
    data.put(
        "expected",
        ExpectedTime.phrase(Instant.now(), promisedBy, config.customerTimeZone(), language));
    data.put("offHours", !businessHours.isOpen(inquiry.occurredAt()));
    MessageTemplates.Rendered text =
        templates.render(
            MessageTemplates.Name.ACKNOWLEDGEMENT.forMedium(route.medium() == DeliveryMedium.EMAIL),
            language,
            data);
    return new OutgoingMessage(
        notificationId,
        NotificationKind.ACKNOWLEDGEMENT,
        route.medium(),
        route.address(),
        text.subject(),
        text.body(),
        route.threadRef(),
        inquiry.ticket());
  }

  private Uni<Void> recordSent(
      InquiryReceived inquiry,
      AcknowledgementRoute route,
      String notificationId,
      Instant promisedBy,
      boolean fromSla) {
    AcknowledgementSent sent =
        new AcknowledgementSent(
            EventIds.next(),
            inquiry.inquiryId(),
            Instant.now(),
            AcknowledgementSent.SCHEMA_VERSION,
            notificationId,
            route.channel(),
            route.maskedAddress(),
            promisedBy);
    LOG.infof(
        "Acknowledgement %s sent by %s to %s, reply promised by %s (%s)",
        notificationId,
        route.medium(),
        sent.recipient(),
        promisedBy,
        fromSla ? "SLA due time" : "general promise");
    return ledger.markSent(notificationId, sent);
  }

  private Uni<Void> recordFailed(
      InquiryReceived inquiry,
      AcknowledgementRoute route,
      String notificationId,
      DeliveryNotDone failure) {
    DeliveryFailed failed =
        new DeliveryFailed(
            EventIds.next(),
            inquiry.inquiryId(),
            Instant.now(),
            DeliveryFailed.SCHEMA_VERSION,
            notificationId,
            NotificationKind.ACKNOWLEDGEMENT,
            route.medium(),
            failure.attempts(),
            failure.getMessage());
    // The operational alert: on-call watches ERROR lines of this logger, and the inbound record
    // goes on to the dead-letter topic with the same reason.
    LOG.errorf(
        "OPERATIONAL ALERT: customer acknowledgement undeliverable: %s", failure.getMessage());
    return ledger.markFailed(notificationId, failure.getMessage(), failed);
  }

  private static Uni<Void> skip(String notificationId, Notification.Status status) {
    LOG.debugf("Acknowledgement %s is %s, not sent again", notificationId, status);
    return Uni.createFrom().voidItem();
  }
}
