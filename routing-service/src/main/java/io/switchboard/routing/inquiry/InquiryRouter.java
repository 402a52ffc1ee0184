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
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.lifecycle.Lifecycle;
import io.switchboard.routing.lifecycle.LifecycleService;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.priority.PriorityDecision;
import io.switchboard.routing.priority.PriorityInput;
import io.switchboard.routing.priority.PriorityRules;
import io.switchboard.routing.segment.CustomerKeys;
import io.switchboard.routing.segment.CustomerSegment;
import io.switchboard.routing.teamrule.TeamDecision;
import io.switchboard.routing.teamrule.TeamRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
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
  private final TeamRules teamRules;
  private final Assigner assigner;
  private final LifecycleService lifecycle;
  private final String defaultTeam;

  private final RoutingMetrics metrics;

  public InquiryRouter(
      Inbox inbox,
      Outbox outbox,
      PriorityRules priorityRules,
      TeamRules teamRules,
      Assigner assigner,
      LifecycleService lifecycle,
      RoutingConfig config,
      RoutingMetrics metrics) {
    this.metrics = metrics;
    this.inbox = inbox;
    this.outbox = outbox;
    this.priorityRules = priorityRules;
    this.teamRules = teamRules;
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
    TeamDecision team =
        teamRules.decide(
            defaultTeam,
            received.channel(),
            received.language(),
            received.kind(),
            received.subject(),
            received.text());
    // Locked now, as the assignment would lock it anyway: the check costs no extra round trip.
    return Team.findById(team.team(), LockModeType.PESSIMISTIC_WRITE)
        .map(
            known -> {
              if (known != null) {
                return team;
              }
              // A rule naming a team the directory lacks must not dead-letter the inquiry.
              LOG.warnf(
                  "Team rule %s names unknown team %s: inquiry %s goes to %s",
                  team.rule(), team.team(), received.inquiryId(), defaultTeam);
              return new TeamDecision(
                  defaultTeam, team.topic(), team.rule() + " (unknown team " + team.team() + ")");
            })
        .chain(decided -> route(received, customerKey, segment, decided));
  }

  private Uni<Void> route(
      InquiryReceived received, String customerKey, String segment, TeamDecision team) {
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
    inquiry.teamId = team.team();
    inquiry.topic = team.topic();
    inquiry.teamRule = team.rule();
    inquiry.receivedAt = received.occurredAt();
    LOG.infof(
        "Inquiry %s is %s by rules %s; team %s, topic %s by team rule %s",
        inquiry.id,
        decision.priority(),
        decision.matchedRules(),
        team.team(),
        team.topic(),
        team.rule());
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
                        team.team(),
                        team.topic(),
                        team.rule())))
        .chain(() -> assigner.assignOrQueue(inquiry, Set.of(), "system"))
        .replaceWithVoid();
  }

  private Uni<Void> skipDuplicate(InquiryEvent event) {
    LOG.debugf("Event %s already processed, skipped", event.eventId());
    return Uni.createFrom().voidItem();
  }
}
