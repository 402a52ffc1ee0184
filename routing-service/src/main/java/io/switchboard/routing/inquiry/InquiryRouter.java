package io.switchboard.routing.inquiry;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.assignment.AssignmentPolicy;
import io.switchboard.routing.assignment.OperatorLoad;
import io.switchboard.routing.assignment.OperatorLoads;
import io.switchboard.routing.priority.PriorityRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Applies inbound events: stores the inquiry, decides priority and assignee, stages the event. */
@ApplicationScoped
public class InquiryRouter {
  static final String CONSUMER = "routing-service";
  private static final Logger LOG = Logger.getLogger(InquiryRouter.class);

  private final Inbox inbox;
  private final Outbox outbox;
  private final OperatorLoads operatorLoads;

  public InquiryRouter(Inbox inbox, Outbox outbox, OperatorLoads operatorLoads) {
    this.inbox = inbox;
    this.outbox = outbox;
    this.operatorLoads = operatorLoads;
  }

  @WithTransaction
  public Uni<Void> apply(InquiryEvent event) {
    return inbox
        .firstDelivery(CONSUMER, event.eventId())
        .chain(first -> first ? dispatch(event) : skipDuplicate(event));
  }

  private Uni<Void> dispatch(InquiryEvent event) {
    if (event instanceof InquiryReceived received) {
      return route(received);
    }
    return Uni.createFrom().voidItem();
  }

  private Uni<Void> route(InquiryReceived received) {
    Inquiry inquiry = new Inquiry();
    inquiry.id = UUID.fromString(received.inquiryId());
    inquiry.ticket = received.ticket();
    inquiry.channel = received.channel();
    inquiry.priority =
        PriorityRules.decide(received.channel(), received.subject(), received.text());
    inquiry.receivedAt = received.occurredAt();
    return operatorLoads
        .lockAll()
        .map(AssignmentPolicy::leastLoaded)
        .chain(choice -> assignOrQueue(inquiry, choice));
  }

  private Uni<Void> assignOrQueue(Inquiry inquiry, Optional<OperatorLoad> choice) {
    if (choice.isEmpty()) {
      inquiry.status = Inquiry.Status.QUEUED;
      LOG.infof("Inquiry %s queued: every operator is at capacity", inquiry.id);
      return inquiry.persist().replaceWithVoid();
    }
    OperatorLoad operator = choice.get();
    inquiry.status = Inquiry.Status.ASSIGNED;
    inquiry.teamId = operator.teamId();
    inquiry.operatorId = operator.operatorId();
    inquiry.assignedAt = Instant.now();
    InquiryAssigned assigned =
        new InquiryAssigned(
            EventIds.next(),
            inquiry.id.toString(),
            inquiry.assignedAt,
            InquiryAssigned.SCHEMA_VERSION,
            operator.teamId(),
            operator.operatorId(),
            inquiry.priority,
            "least loaded: " + operator.spare() + " of " + operator.capacity() + " free");
    LOG.infof(
        "Inquiry %s (%s) assigned to %s", inquiry.id, inquiry.priority, operator.operatorId());
    return inquiry.persist().chain(() -> outbox.stage(assigned));
  }

  private Uni<Void> skipDuplicate(InquiryEvent event) {
    LOG.debugf("Event %s already processed, skipped", event.eventId());
    return Uni.createFrom().voidItem();
  }
}
