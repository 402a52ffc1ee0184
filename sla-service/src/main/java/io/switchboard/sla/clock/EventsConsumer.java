package io.switchboard.sla.clock;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code inquiries.inbound} (receipts and replies) and {@code inquiries.lifecycle} (priority,
 * assignment, status); a record that cannot be applied goes to its topic's dead letters.
 */
@ApplicationScoped
public class EventsConsumer {
  private final ClockLifecycle clocks;

  public EventsConsumer(ClockLifecycle clocks) {
    this.clocks = clocks;
  }

  @Incoming("inquiries-inbound")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(clocks::apply);
  }

  @Incoming("inquiries-lifecycle")
  public Uni<Void> consumeLifecycle(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(clocks::apply);
  }
}
