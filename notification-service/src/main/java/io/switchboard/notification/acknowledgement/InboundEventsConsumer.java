package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.notification.alert.Alerts;
import io.switchboard.notification.delivery.Steps;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code inquiries.inbound}: the duty operator hears about a missed call first, then the
 * customer is acknowledged. A record that cannot be applied goes to the dead letters.
 */
@ApplicationScoped
public class InboundEventsConsumer {
  private final AcknowledgementSender sender;
  private final Alerts alerts;

  public InboundEventsConsumer(AcknowledgementSender sender, Alerts alerts) {
    this.sender = sender;
    this.alerts = alerts;
  }

  @Incoming("inquiries-inbound")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(this::apply);
  }

  private Uni<Void> apply(InquiryEvent event) {
    return Steps.both(() -> alerts.apply(event), () -> sender.apply(event));
  }
}
