package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.SlaWarning;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.alert.AlertPlanner;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.customer.ChatFallback;
import io.switchboard.notification.delivery.DeliveryQueue;
import io.switchboard.notification.delivery.NotificationIds;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sla.events}: the first-response due times acknowledgements promise, the breached chats
 * that get the messenger invitation, and the warnings, breaches and escalations operators are
 * alerted to. Only decides and records, a batch at a time in the batch's transaction.
 */
@ApplicationScoped
public class NotificationSlaConsumer implements EventConsumer {
  private final AcknowledgementPromises promises;
  private final CustomerContacts contacts;
  private final ChatFallback chatFallback;
  private final AlertPlanner alerts;
  private final DeliveryQueue queue;

  public NotificationSlaConsumer(
      AcknowledgementPromises promises,
      CustomerContacts contacts,
      ChatFallback chatFallback,
      AlertPlanner alerts,
      DeliveryQueue queue,
      NotificationConfig config) {
    this.promises = promises;
    this.contacts = contacts;
    this.chatFallback = chatFallback;
    this.alerts = alerts;
    this.queue = queue;
  }

  @Override
  public String name() {
    return "sla-events";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return (event instanceof ClockStarted started && started.clock() == ClockKind.FIRST_RESPONSE)
        || event instanceof SlaWarning
        || event instanceof SlaBreached
        || event instanceof SlaEscalated;
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return applyAll(List.of(event));
  }

  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    List<ClockStarted> clocks =
        events.stream()
            .filter(ClockStarted.class::isInstance)
            .map(ClockStarted.class::cast)
            .toList();
    List<InquiryEvent> others = events.stream().filter(e -> !(e instanceof ClockStarted)).toList();
    return promises
        .announced(clocks)
        .chain(
            waiting ->
                queue.makeDue(
                    waiting.stream()
                        .map(id -> NotificationIds.of(id, NotificationKind.ACKNOWLEDGEMENT, 0))
                        .sorted()
                        .toList()))
        .chain(() -> others.isEmpty() ? Uni.createFrom().voidItem() : alertsAndFallbacks(others));
  }

  private Uni<Void> alertsAndFallbacks(List<InquiryEvent> events) {
    return contacts
        .find(events.stream().map(InquiryEvent::inquiryId).toList())
        .chain(
            known ->
                alerts
                    .plan(events, known)
                    .map(
                        alertRows -> {
                          List<QueuedDelivery> rows = new ArrayList<>();
                          for (InquiryEvent event : events) {
                            if (event instanceof SlaBreached breached) {
                              chatFallback
                                  .plan(breached, known.get(breached.inquiryId()))
                                  .ifPresent(rows::add);
                            }
                          }
                          rows.addAll(alertRows);
                          return rows;
                        }))
        .chain(rows -> queue.enqueue(rows));
  }
}
