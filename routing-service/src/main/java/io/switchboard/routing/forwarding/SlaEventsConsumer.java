package io.switchboard.routing.forwarding;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.platform.events.IncomingEvents;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code sla.events}: escalation level 2 reassigns through the forwarding path, level 3 and
 * above goes to the supervisor. Level 1 is the assignee's own reminder and changes nothing here.
 */
@ApplicationScoped
public class SlaEventsConsumer {
  static final String CONSUMER = "routing-service";
  private static final Logger LOG = Logger.getLogger(SlaEventsConsumer.class);

  private final Inbox inbox;
  private final Forwarder forwarder;

  public SlaEventsConsumer(Inbox inbox, Forwarder forwarder) {
    this.inbox = inbox;
    this.forwarder = forwarder;
  }

  @Incoming("sla-events")
  @WithTransaction
  public Uni<Void> consume(ConsumerRecord<String, String> record) {
    return Uni.createFrom().item(() -> IncomingEvents.decode(record)).chain(this::apply);
  }

  private Uni<Void> apply(InquiryEvent event) {
    if (!(event instanceof SlaEscalated escalated) || escalated.level() < 2) {
      return Uni.createFrom().voidItem();
    }
    return inbox
        .firstDelivery(CONSUMER, event.eventId())
        .chain(first -> first ? escalate(escalated) : Uni.createFrom().voidItem());
  }

  private Uni<Void> escalate(SlaEscalated escalated) {
    return Inquiry.<Inquiry>findById(
            UUID.fromString(escalated.inquiryId()), LockModeType.PESSIMISTIC_WRITE)
        .chain(
            inquiry -> {
              if (inquiry == null) {
                LOG.warnf("SLA escalation for unknown inquiry %s ignored", escalated.inquiryId());
                return Uni.createFrom().voidItem();
              }
              return forwarder.forward(
                  inquiry,
                  ForwardReason.SLA_ESCALATION,
                  "level " + escalated.level() + " (" + escalated.clock() + ")",
                  escalated.level() >= 3);
            });
  }
}
