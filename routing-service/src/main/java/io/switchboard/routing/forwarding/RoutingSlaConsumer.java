package io.switchboard.routing.forwarding;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.platform.consumer.EventConsumer;
import io.switchboard.routing.Locks;
import io.switchboard.routing.inquiry.Inquiry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * {@code sla.events}: escalation level 2 reassigns through the forwarding path, level 3 and above
 * goes to the supervisor. Level 1 is the assignee's own reminder and, like the clock events,
 * changes nothing here.
 */
@ApplicationScoped
public class RoutingSlaConsumer implements EventConsumer {
  private static final Logger LOG = Logger.getLogger(RoutingSlaConsumer.class);

  private final Locks locks;
  private final Forwarder forwarder;

  public RoutingSlaConsumer(Locks locks, Forwarder forwarder) {
    this.locks = locks;
    this.forwarder = forwarder;
  }

  @Override
  public String name() {
    return "sla-events";
  }

  @Override
  public boolean wants(InquiryEvent event) {
    return event instanceof SlaEscalated escalated && escalated.level() >= 2;
  }

  @Override
  public Uni<Void> apply(InquiryEvent event) {
    return applyAll(List.of(event));
  }

  /** The teams of all the batch's inquiries first, in id order; then the inquiries, at once. */
  @Override
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    List<UUID> inquiries = events.stream().map(e -> UUID.fromString(e.inquiryId())).toList();
    return locks
        .teamsOf(inquiries)
        .chain(teams -> locks.teams(teams.values()))
        .chain(held -> locks.inquiries(inquiries, held))
        .chain(
            locked ->
                Multi.createFrom()
                    .iterable(events)
                    .onItem()
                    .transformToUniAndConcatenate(e -> escalate((SlaEscalated) e, locked))
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private Uni<Void> escalate(SlaEscalated escalated, Map<UUID, Inquiry> locked) {
    Inquiry inquiry = locked.get(UUID.fromString(escalated.inquiryId()));
    if (inquiry == null) {
      LOG.warnf("SLA escalation for unknown inquiry %s ignored", escalated.inquiryId());
      return Uni.createFrom().voidItem();
    }
    return forwarder.forward(
        inquiry,
        ForwardReason.SLA_ESCALATION,
        "level " + escalated.level() + " (" + escalated.clock() + ")",
        escalated.level() >= 3);
  }
}
