package io.switchboard.routing.inquiry;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.events.IncomingEvents;
import io.switchboard.routing.retry.TransientFailures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code inquiries.inbound}; a record that cannot be applied goes to the dead letters. */
@ApplicationScoped
public class InboundEventsConsumer {
  private final InquiryRouter router;

  public InboundEventsConsumer(InquiryRouter router) {
    this.router = router;
  }

  @Incoming("inquiries-inbound")
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    // A transaction the database aborted (deadlock) is replayed whole, not dead-lettered.
    return Uni.createFrom()
        .item(() -> IncomingEvents.decode(record))
        .chain(router::apply)
        .onFailure(TransientFailures::isTransient)
        .retry()
        .atMost(TransientFailures.ATTEMPTS);
  }
}
