package io.switchboard.notification.acknowledgement;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code inquiries.inbound}; a record that cannot be applied goes to the dead letters. */
@ApplicationScoped
public class InboundEventsConsumer {
  private final AcknowledgementSender sender;

  public InboundEventsConsumer(AcknowledgementSender sender) {
    this.sender = sender;
  }

  @Incoming("inquiries-inbound")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(sender::apply);
  }
}
