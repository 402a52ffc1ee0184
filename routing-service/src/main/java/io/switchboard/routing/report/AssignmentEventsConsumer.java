package io.switchboard.routing.report;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.events.IncomingEvents;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the assignment history from routing's own lifecycle events and from the operators' replies
 * on the inbound topic, in a consumer group of its own so that reporting never delays routing.
 */
@ApplicationScoped
public class AssignmentEventsConsumer {
  private final AssignmentHistory history;

  public AssignmentEventsConsumer(AssignmentHistory history) {
    this.history = history;
  }

  @Incoming("report-lifecycle")
  public Uni<Void> lifecycle(ConsumerRecord<String, String> record) {
    return record(record);
  }

  @Incoming("report-inbound")
  public Uni<Void> inbound(ConsumerRecord<String, String> record) {
    return record(record);
  }

  private Uni<Void> record(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(history::record);
  }
}
