package io.switchboard.routing.inquiry;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.assignment.Assigner;
import io.switchboard.routing.lifecycle.Lifecycle;
import io.switchboard.routing.lifecycle.LifecycleService;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.priority.PriorityDecision;
import io.switchboard.routing.priority.PriorityInput;
import io.switchboard.routing.priority.PriorityRules;
import io.switchboard.routing.segment.CustomerKeys;
import io.switchboard.routing.segment.CustomerSegment;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Applies inbound events: stores the inquiry, decides priority and assignee, moves the state. */
@ApplicationScoped
public class InquiryRouter {
  static final String CONSUMER = "routing-service";
  private static final Logger LOG = Logger.getLogger(InquiryRouter.class);

  private final Inbox inbox;
  private final Outbox outbox;
  private final PriorityRules priorityRules;
  private final Assigner assigner;
  private final LifecycleService lifecycle;
  private final String defaultTeam;

  private final RoutingMetrics metrics;

  public InquiryRouter(
      Inbox inbox,
      Outbox outbox,
      PriorityRules priorityRules,
      Assigner assigner,
      LifecycleService lifecycle,
      RoutingConfig config,
      RoutingMetrics metrics) {
    this.metrics = metrics;
    this.inbox = inbox;
    this.outbox = outbox;
    this.priorityRules = priorityRules;
    this.assigner = assigner;
    this.lifecycle = lifecycle;
    this.defaultTeam = config.defaultTeam();
  }

  @WithTransaction
  public Uni<Void> apply(InquiryEvent event) {
    return inbox
        .firstDelivery(CONSUMER, event.eventId())
        .chain(first -> first ? dispatch(event) : skipDuplicate(event));
  }

  private Uni<Void> dispatch(InquiryEvent event) {
    return switch (event) {
      case InquiryReceived received -> route(received);
      case CustomerReplied replied ->
          lifecycle.onEvent(
              UUID.fromString(replied.inquiryId()), Lifecycle.Action.CUSTOMER_REPLY, "customer");
      case OperatorReplied replied ->
          lifecycle.onEvent(
              UUID.fromString(replied.inquiryId()),
              Lifecycle.Action.OPERATOR_REPLY,
              replied.operatorId() == null ? "operator" : replied.operatorId());
      default -> Uni.createFrom().voidItem();
    };
  }

  private Uni<Void> route(InquiryReceived received) {
    String customerKey = CustomerKeys.of(received.customer());
    return (customerKey == null
            ? Uni.createFrom().<CustomerSegment>nullItem()
            : CustomerSegment.<CustomerSegment>findById(customerKey))
        .chain(segment -> route(received, customerKey, segment == null ? null : segment.segment));
  }

  private Uni<Void> route(InquiryReceived received, String customerKey, String segment) {
    PriorityDecision decision =
        priorityRules.decide(
            PriorityInput.of(
                received.channel(), received.kind(), segment, received.subject(), received.text()));
    Inquiry inquiry = new Inquiry();
    inquiry.id = UUID.fromString(received.inquiryId());
    inquiry.ticket = received.ticket();
    inquiry.channel = received.channel();
    inquiry.kind = received.kind() == null ? InquiryKind.MESSAGE : received.kind();
    inquiry.language = received.language();
    inquiry.customerKey = customerKey;
    inquiry.segment = segment;
    inquiry.priority = decision.priority();
    inquiry.matchedRules = String.join(",", decision.matchedRules());
    inquiry.status = InquiryStatus.NEW;
    inquiry.teamId = defaultTeam;
    inquiry.receivedAt = received.occurredAt();
    LOG.infof(
        "Inquiry %s is %s by rules %s", inquiry.id, decision.priority(), decision.matchedRules());
    metrics.prioritized(inquiry.channel, inquiry.priority);
    return inquiry
        .persist()
        .chain(
            () ->
                outbox.stage(
                    new InquiryPrioritized(
                        EventIds.next(),
                        received.inquiryId(),
                        java.time.Instant.now(),
                        InquiryPrioritized.SCHEMA_VERSION,
                        decision.priority(),
                        decision.matchedRules(),
                        segment,
                        defaultTeam)))
        .chain(() -> assigner.assignOrQueue(inquiry, Set.of(), "system"))
        .replaceWithVoid();
  }

  private Uni<Void> skipDuplicate(InquiryEvent event) {
    LOG.debugf("Event %s already processed, skipped", event.eventId());
    return Uni.createFrom().voidItem();
  }
}
