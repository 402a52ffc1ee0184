package io.switchboard.notification.csat;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.notification.NotificationConfig;
import io.switchboard.notification.alert.AlertPlanner;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.notification.delivery.DeliveryQueue;
import io.switchboard.notification.delivery.QueuedDelivery;
import io.switchboard.platform.consumer.EventConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code inquiries.lifecycle}: who handles an inquiry (remembered for its rating, and alerted), and
 * when it is resolved (the resolution notice and the rating request). Only decides and records, a
 * batch at a time in the batch's transaction.
 */
@ApplicationScoped
public class NotificationLifecycleConsumer implements EventConsumer {
  private final CustomerContacts contacts;
  private final ResolutionNotifier resolution;
  private final AlertPlanner alerts;
  private final DeliveryQueue queue;

  public NotificationLifecycleConsumer(
      CustomerContacts contacts,
      ResolutionNotifier resolution,
      AlertPlanner alerts,
      DeliveryQueue queue,
      NotificationConfig config) {
    this.contacts = contacts;
    this.resolution = resolution;
    this.alerts = alerts;
    this.queue = queue;
  }

  @Override
  public String name() {
    return "inquiries-lifecycle";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return event instanceof InquiryAssigned
        || (event instanceof InquiryStatusChanged changed && ResolutionNotifier.applies(changed));
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return applyAll(List.of(event));
  }

  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    List<InquiryAssigned> assignments = new ArrayList<>();
    for (InquiryEvent event : events) {
      if (event instanceof InquiryAssigned assigned) {
        assignments.add(assigned);
      }
    }
    return contacts
        .assign(assignments)
        .chain(() -> contacts.find(events.stream().map(InquiryEvent::inquiryId).toList()))
        .chain(
            known ->
                alerts
                    .plan(events, known)
                    .map(
                        alertRows -> {
                          List<QueuedDelivery> rows = new ArrayList<>(alertRows);
                          for (InquiryEvent event : events) {
                            if (event instanceof InquiryStatusChanged changed) {
                              rows.addAll(resolution.plan(changed, known.get(changed.inquiryId())));
                            }
                          }
                          return rows;
                        }))
        .chain(rows -> queue.enqueue(rows));
  }
}
