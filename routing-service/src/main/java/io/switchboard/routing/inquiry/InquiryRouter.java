package io.switchboard.routing.inquiry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryKind;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.retry.RetryableConflict;
import io.switchboard.routing.Locks;
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
import io.switchboard.routing.teamrule.TeamDecision;
import io.switchboard.routing.teamrule.TeamRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies inbound events in the caller's transaction: stores a new inquiry and decides its
 * priority, team and assignee; moves a replied-to inquiry through its lifecycle. Every team a batch
 * touches is locked first, in id order, and each inquiry after that as its event comes ({@link
 * Locks}).
 */
@ApplicationScoped
public class InquiryRouter {
  private static final Logger LOG = Logger.getLogger(InquiryRouter.class);
  private static final String EXISTING_TEAMS = "select t.id from Team t where t.id in :ids";

  private final Outbox outbox;
  private final PriorityRules priorityRules;
  private final TeamRules teamRules;
  private final Assigner assigner;
  private final LifecycleService lifecycle;
  private final Locks locks;
  private final String defaultTeam;
  private final RoutingMetrics metrics;
  // No path deletes a team: once seen, a team needs no existence check before the rules use it.
  private final Set<String> knownTeams = ConcurrentHashMap.newKeySet();

  public InquiryRouter(
      Outbox outbox,
      PriorityRules priorityRules,
      TeamRules teamRules,
      Assigner assigner,
      LifecycleService lifecycle,
      Locks locks,
      RoutingConfig config,
      RoutingMetrics metrics) {
    this.outbox = outbox;
    this.priorityRules = priorityRules;
    this.teamRules = teamRules;
    this.assigner = assigner;
    this.lifecycle = lifecycle;
    this.locks = locks;
    this.defaultTeam = config.defaultTeam();
    this.metrics = metrics;
  }

  /** The events routing acts on; others on the topic cost nothing. */
  public static boolean handles(InquiryEvent event) {
    return event instanceof InquiryReceived
        || event instanceof CustomerReplied
        || event instanceof OperatorReplied;
  }

  /** Applies the events in order, in the caller's transaction. */
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    Map<InquiryReceived, TeamDecision> decided = new HashMap<>();
    Set<UUID> replied = new HashSet<>();
    for (InquiryEvent event : events) {
      switch (event) {
        case InquiryReceived received -> decided.put(received, decide(received));
        case CustomerReplied reply -> replied.add(UUID.fromString(reply.inquiryId()));
        case OperatorReplied reply -> replied.add(UUID.fromString(reply.inquiryId()));
        default -> {}
      }
    }
    return existing(decided.values())
        .chain(
            existing -> {
              Map<UUID, TeamDecision> teams = new HashMap<>();
              decided.forEach(
                  (received, d) -> teams.put(received.eventId(), orDefault(received, d, existing)));
              return locks
                  .teamsOf(replied)
                  .chain(
                      current -> {
                        Set<String> needed = new HashSet<>(current.values());
                        teams.values().forEach(d -> needed.add(d.team()));
                        return locks.teams(needed);
                      })
                  .chain(held -> applyInOrder(events, teams, existing, held));
            });
  }

  private Uni<Void> applyInOrder(
      List<InquiryEvent> events,
      Map<UUID, TeamDecision> teams,
      Set<String> existing,
      Set<String> held) {
    for (TeamDecision d : teams.values()) {
      if (existing.contains(d.team()) && !held.contains(d.team())) {
        knownTeams.remove(d.team());
        throw new RetryableConflict("Team " + d.team() + " vanished while being locked");
      }
    }
    return Multi.createFrom()
        .iterable(events)
        .onItem()
        .transformToUniAndConcatenate(event -> apply(event, teams, held))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> apply(InquiryEvent event, Map<UUID, TeamDecision> teams, Set<String> held) {
    return switch (event) {
      case InquiryReceived received -> route(received, teams.get(received.eventId()));
      case CustomerReplied reply -> customerReply(reply, held);
      case OperatorReplied reply ->
          reply(
              reply.inquiryId(),
              Lifecycle.Action.OPERATOR_REPLY,
              reply.operatorId() == null ? "operator" : reply.operatorId(),
              held);
      default -> Uni.createFrom().voidItem();
    };
  }

  /** A person writing in the thread of a machine-written inquiry makes it one to answer. */
  private Uni<Void> customerReply(CustomerReplied reply, Set<String> held) {
    UUID id = UUID.fromString(reply.inquiryId());
    return locks
        .inquiry(id, held)
        .chain(
            inquiry -> {
              if (inquiry != null
                  && inquiry.automatic
                  && inquiry.status == InquiryStatus.NEW
                  && !reply.automatic()) {
                inquiry.automatic = false;
                LOG.infof("Inquiry %s: a person wrote in its thread, routed now", id);
                return assign(inquiry);
              }
              return lifecycle.onEvent(id, inquiry, Lifecycle.Action.CUSTOMER_REPLY, "customer");
            });
  }

  private Uni<Void> reply(
      String inquiryId, Lifecycle.Action action, String actor, Set<String> held) {
    UUID id = UUID.fromString(inquiryId);
    return locks.inquiry(id, held).chain(inquiry -> lifecycle.onEvent(id, inquiry, action, actor));
  }

  private TeamDecision decide(InquiryReceived received) {
    return teamRules.decide(
        defaultTeam,
        received.channel(),
        received.language(),
        received.kind(),
        received.subject(),
        received.text());
  }

  /** The decided teams that exist. */
  private Uni<Set<String>> existing(Collection<TeamDecision> decisions) {
    Set<String> unchecked =
        decisions.stream()
            .map(TeamDecision::team)
            .filter(team -> !knownTeams.contains(team))
            .collect(Collectors.toSet());
    if (unchecked.isEmpty()) {
      return Uni.createFrom().item(knownTeams);
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createSelectionQuery(EXISTING_TEAMS, String.class)
                    .setParameter("ids", unchecked)
                    .getResultList())
        .map(
            found -> {
              knownTeams.addAll(found);
              return knownTeams;
            });
  }

  private TeamDecision orDefault(
      InquiryReceived received, TeamDecision team, Set<String> existing) {
    if (existing.contains(team.team())) {
      return team;
    }
    // A rule naming a team the directory lacks must not dead-letter the inquiry.
    LOG.warnf(
        "Team rule %s names unknown team %s: inquiry %s goes to %s",
        team.rule(), team.team(), received.inquiryId(), defaultTeam);
    return new TeamDecision(
        defaultTeam, team.topic(), team.rule() + " (unknown team " + team.team() + ")");
  }

  private Uni<Void> route(InquiryReceived received, TeamDecision team) {
    String customerKey = CustomerKeys.of(received.customer());
    return (customerKey == null
            ? Uni.createFrom().<CustomerSegment>nullItem()
            : CustomerSegment.<CustomerSegment>findById(customerKey))
        .chain(
            segment ->
                route(received, customerKey, segment == null ? null : segment.segment, team));
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
    inquiry.automatic = received.automatic();
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
        .chain(() -> received.automatic() ? keepAside(inquiry) : assign(inquiry))
        .replaceWithVoid();
  }

  private Uni<Void> assign(Inquiry inquiry) {
    return assigner.assignOrQueue(inquiry, Set.of(), "system").replaceWithVoid();
  }

  private Uni<Void> keepAside(Inquiry inquiry) {
    LOG.infof("Inquiry %s is machine-written: kept, not assigned", inquiry.id);
    metrics.automatic(inquiry.channel);
    return Uni.createFrom().voidItem();
  }
}
