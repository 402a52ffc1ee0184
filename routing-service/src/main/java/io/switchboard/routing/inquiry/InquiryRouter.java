package io.switchboard.routing.inquiry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.platform.retry.RetryableConflict;
import io.switchboard.routing.Locks;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.assignment.Assigner;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.lifecycle.Lifecycle;
import io.switchboard.routing.lifecycle.LifecycleService;
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
 * Applies a batch of inbound events in the caller's transaction: new inquiries are stored and
 * routed ({@link NewInquiries}, set-based), replies move their inquiries through the lifecycle.
 * What needs no lock comes first: team rules, customers and priorities. Then every team the batch
 * touches is locked, in one statement in id order; then, round by round ({@link InboundRound}), the
 * replied-to inquiries in one statement, and the new inquiries are decided against their teams'
 * capacity in memory. A team is held for a few statements per batch, not for a sequence of
 * statements per inquiry.
 *
 * <p>Replies never free an operator's slot (a reply keeps the inquiry held, or reopens it), so no
 * queue is drained here and the set-based writes never touch an inquiry this session holds as an
 * entity.
 */
@ApplicationScoped
public class InquiryRouter {
  private static final Logger LOG = Logger.getLogger(InquiryRouter.class);
  private static final String EXISTING_TEAMS = "select t.id from Team t where t.id in :ids";

  private final TeamRules teamRules;
  private final NewInquiries newInquiries;
  private final Assigner assigner;
  private final LifecycleService lifecycle;
  private final Locks locks;
  private final String defaultTeam;
  // No path deletes a team: once seen, a team needs no existence check before the rules use it.
  private final Set<String> knownTeams = ConcurrentHashMap.newKeySet();

  public InquiryRouter(
      TeamRules teamRules,
      NewInquiries newInquiries,
      Assigner assigner,
      LifecycleService lifecycle,
      Locks locks,
      RoutingConfig config) {
    this.teamRules = teamRules;
    this.newInquiries = newInquiries;
    this.assigner = assigner;
    this.lifecycle = lifecycle;
    this.locks = locks;
    this.defaultTeam = config.defaultTeam();
  }

  /** The events routing acts on; others on the topic cost nothing. */
  public static boolean handles(InquiryEvent event) {
    return event instanceof InquiryReceived
        || event instanceof CustomerReplied
        || event instanceof OperatorReplied;
  }

  /** Applies the events, each inquiry's in order, in the caller's transaction. */
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    List<InboundRound> rounds = InboundRound.of(events);
    Map<UUID, TeamDecision> decided = new HashMap<>();
    Set<UUID> replied = new HashSet<>();
    for (InboundRound round : rounds) {
      round.received().forEach(r -> decided.put(UUID.fromString(r.inquiryId()), decide(r)));
      round.replies().forEach(r -> replied.add(UUID.fromString(r.inquiryId())));
    }
    return existing(decided.values())
        .chain(
            existing -> {
              Map<UUID, TeamDecision> teams = new HashMap<>();
              decided.forEach((id, d) -> teams.put(id, orDefault(id, d, existing)));
              // Everything that needs no lock is done before the teams are locked.
              return prepare(rounds, teams)
                  .chain(
                      prepared ->
                          lockTeams(replied, teams.values())
                              .chain(held -> applyRounds(rounds, prepared, teams, existing, held)));
            });
  }

  /** Each round's new inquiries with their customers and priorities, in round order. */
  private Uni<List<NewInquiries.Prepared>> prepare(
      List<InboundRound> rounds, Map<UUID, TeamDecision> teams) {
    return Multi.createFrom()
        .iterable(rounds)
        .onItem()
        .transformToUniAndConcatenate(round -> newInquiries.prepare(round.received(), teams))
        .collect()
        .asList();
  }

  /** The teams of the replied-to inquiries and the decided ones, locked in one statement. */
  private Uni<Map<String, Team>> lockTeams(Set<UUID> replied, Collection<TeamDecision> decided) {
    return locks
        .teamsOf(replied)
        .chain(
            current -> {
              Set<String> needed = new HashSet<>(current.values());
              decided.forEach(d -> needed.add(d.team()));
              return locks.lockTeams(needed);
            });
  }

  private Uni<Void> applyRounds(
      List<InboundRound> rounds,
      List<NewInquiries.Prepared> prepared,
      Map<UUID, TeamDecision> teams,
      Set<String> existing,
      Map<String, Team> held) {
    for (TeamDecision d : teams.values()) {
      if (existing.contains(d.team()) && !held.containsKey(d.team())) {
        knownTeams.remove(d.team());
        throw new RetryableConflict("Team " + d.team() + " vanished while being locked");
      }
    }
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (int i = 0; i < rounds.size(); i++) {
      InboundRound round = rounds.get(i);
      NewInquiries.Prepared inquiries = prepared.get(i);
      chain =
          chain
              .chain(() -> replies(round.replies(), held.keySet()))
              .chain(() -> newInquiries.route(inquiries, held));
    }
    return chain;
  }

  /** The replied-to inquiries locked in one statement, then each reply applied in order. */
  private Uni<Void> replies(List<InquiryEvent> replies, Set<String> heldTeams) {
    if (replies.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<UUID> ids =
        replies.stream().map(r -> UUID.fromString(r.inquiryId())).collect(Collectors.toSet());
    return locks
        .inquiries(ids, heldTeams)
        .chain(
            inquiries ->
                Multi.createFrom()
                    .iterable(replies)
                    .onItem()
                    .transformToUniAndConcatenate(reply -> apply(reply, inquiries))
                    .collect()
                    .last()
                    .replaceWithVoid());
  }

  private Uni<Void> apply(InquiryEvent reply, Map<UUID, Inquiry> inquiries) {
    UUID id = UUID.fromString(reply.inquiryId());
    Inquiry inquiry = inquiries.get(id);
    return switch (reply) {
      case CustomerReplied customer -> customerReply(customer, id, inquiry);
      case OperatorReplied operator ->
          lifecycle.onEvent(
              id,
              inquiry,
              Lifecycle.Action.OPERATOR_REPLY,
              operator.operatorId() == null ? "operator" : operator.operatorId());
      default -> Uni.createFrom().voidItem();
    };
  }

  /** A person writing in the thread of a machine-written inquiry makes it one to answer. */
  private Uni<Void> customerReply(CustomerReplied reply, UUID id, Inquiry inquiry) {
    if (inquiry != null
        && inquiry.automatic
        && inquiry.status == InquiryStatus.NEW
        && !reply.automatic()) {
      inquiry.automatic = false;
      LOG.infof("Inquiry %s: a person wrote in its thread, routed now", id);
      return assigner.assignOrQueue(inquiry, Set.of(), "system").replaceWithVoid();
    }
    return lifecycle.onEvent(id, inquiry, Lifecycle.Action.CUSTOMER_REPLY, "customer");
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

  private TeamDecision orDefault(UUID inquiryId, TeamDecision team, Set<String> existing) {
    if (existing.contains(team.team())) {
      return team;
    }
    // A rule naming a team the directory lacks must not dead-letter the inquiry.
    LOG.warnf(
        "Team rule %s names unknown team %s: inquiry %s goes to %s",
        team.rule(), team.team(), inquiryId, defaultTeam);
    return new TeamDecision(
        defaultTeam, team.topic(), team.rule() + " (unknown team " + team.team() + ")");
  }
}
