package io.switchboard.notification.csat;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.notification.alert.Alerts;
import io.switchboard.notification.contact.CustomerContacts;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code inquiries.lifecycle}: who handles an inquiry (and their alert), and when it is
 * resolved.
 */
@ApplicationScoped
public class LifecycleEventsConsumer {
  private final CustomerContacts contacts;
  private final ResolutionNotifier resolution;
  private final Alerts alerts;

  public LifecycleEventsConsumer(
      CustomerContacts contacts, ResolutionNotifier resolution, Alerts alerts) {
    this.contacts = contacts;
    this.resolution = resolution;
    this.alerts = alerts;
  }

  @Incoming("inquiries-lifecycle")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(this::apply);
  }

  private Uni<Void> apply(InquiryEvent event) {
    if (event instanceof InquiryAssigned assigned) {
      return contacts
          .assign(assigned.inquiryId(), assigned.operatorId())
          .chain(() -> alerts.apply(assigned));
    }
    if (event instanceof InquiryStatusChanged changed) {
      return resolution.apply(changed);
    }
    return Uni.createFrom().voidItem();
  }
}
