package io.switchboard.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.SwitchboardConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Stages an outgoing event in the caller's transaction. Call it inside {@code @WithTransaction}:
 * the event is published if and only if the state change it describes commits.
 *
 * <p>Events of one inquiry are staged by transactions that lock the inquiry's row first: they
 * commit one after the other and take the table's sequence numbers in that order, and the relay
 * publishes in sequence order, so an inquiry's events reach Kafka in the order they committed.
 * Staging without that lock gives up the order for the events it races with.
 */
@ApplicationScoped
public class Outbox {
  private final SwitchboardConfig config;

  public Outbox(SwitchboardConfig config) {
    this.config = config;
  }

  public Uni<Void> stage(InquiryEvent event) {
    EventType type = EventType.of(event);
    OutboxMessage message = new OutboxMessage();
    message.id = event.eventId();
    message.topic = config.topic(type.topic());
    message.recordKey = event.inquiryId();
    message.eventType = type.ceType();
    message.payload = EventCodec.encode(event);
    message.occurredAt = event.occurredAt();
    // Only for the publish delay metric: the relay orders by the table's sequence, never by clocks.
    message.createdAt = Instant.now();
    return message.persist().replaceWithVoid();
  }
}
