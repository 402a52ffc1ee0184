package io.switchboard.routing.assignment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.directory.DirectorySpec.OperatorSpec;
import io.switchboard.routing.directory.DirectoryStore;
import io.switchboard.routing.directory.Operator;
import io.switchboard.routing.directory.PresenceRules;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.lifecycle.StatusChanges;
import io.switchboard.routing.metrics.AssignmentReason;
import io.switchboard.routing.metrics.RoutingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Gives an inquiry to an operator of its team, or leaves it queued. Call inside a transaction that
 * holds the team's lock, taken before the inquiry's ({@link io.switchboard.routing.Locks}): two
 * instances assigning in the same team take turns and cannot both take an operator's last free
 * slot. The team is locked again here, which then waits for nothing.
 */
@ApplicationScoped
public class Assigner {
  private static final Logger LOG = Logger.getLogger(Assigner.class);
  private static final String OPEN_LOAD =
      """
      select i.operator_id, i.channel, count(*)
        from routing.inquiry i join routing.operator o on o.id = i.operator_id
       where o.team_id = :team
         and i.status in ('ASSIGNED', 'ACCEPTED', 'WAITING_ON_CUSTOMER', 'REOPENED')
       group by i.operator_id, i.channel
      """;
  private static final String PREVIOUS_OPERATOR =
      """
      select operator_id from routing.inquiry
       where customer_key = :customer and id <> :id and operator_id is not null
       order by assigned_at desc nulls last limit 1
      """;

  private final Outbox outbox;
  private final DirectoryStore directory;
  private final StatusChanges statusChanges;
  private final Duration idleTimeout;
  private final RoutingMetrics metrics;

  public Assigner(
      Outbox outbox,
      DirectoryStore directory,
      StatusChanges statusChanges,
      RoutingConfig config,
      RoutingMetrics metrics) {
    this.metrics = metrics;
    this.outbox = outbox;
    this.directory = directory;
    this.statusChanges = statusChanges;
    this.idleTimeout = config.presence().idleTimeout();
  }

  /** Assigns, or queues with an {@code InquiryQueued} event when it was not queued already. */
  public Uni<Optional<Choice>> assignOrQueue(Inquiry inquiry, Set<String> excluded, String actor) {
    Instant now = Instant.now();
    return decide(inquiry, excluded, now)
        .chain(
            d ->
                d.choice().isPresent()
                    ? assign(inquiry, d.team(), d.choice().get(), null, actor, now)
                        .replaceWith(d.choice())
                    : queue(
                            inquiry,
                            AssignmentPolicy.whyNobody(d.request(), d.candidates(), now),
                            actor,
                            now)
                        .replaceWith(d.choice()));
  }

  /** Assigns when somebody eligible is free; otherwise leaves the inquiry as it is. */
  public Uni<Optional<Choice>> tryAssign(Inquiry inquiry, Set<String> excluded, String actor) {
    Instant now = Instant.now();
    return decide(inquiry, excluded, now)
        .chain(
            d ->
                d.choice().isPresent()
                    ? assign(
                            inquiry,
                            d.team(),
                            d.choice().get(),
                            AssignmentReason.FORWARDED,
                            actor,
                            now)
                        .replaceWith(d.choice())
                    : Uni.createFrom().item(d.choice()));
  }

  /** Gives the inquiry to a named operator whatever their load: escalation to a supervisor. */
  public Uni<Void> assignTo(Inquiry inquiry, String operatorId, String reason, String actor) {
    Instant now = Instant.now();
    return Team.<Team>findById(inquiry.teamId, LockModeType.PESSIMISTIC_WRITE)
        .chain(
            team ->
                assign(
                    inquiry,
                    team,
                    new Choice(operatorId, reason),
                    AssignmentReason.SUPERVISOR,
                    actor,
                    now));
  }

  private record Decision(
      Team team, List<Candidate> candidates, AssignmentRequest request, Optional<Choice> choice) {}

  private Uni<Decision> decide(Inquiry inquiry, Set<String> excluded, Instant now) {
    return Team.<Team>findById(inquiry.teamId, LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalStateException("Unknown team " + inquiry.teamId))
        .chain(
            team ->
                candidates(team.id, now)
                    .chain(
                        candidates ->
                            previousOperator(inquiry)
                                .map(
                                    previous -> {
                                      var request =
                                          new AssignmentRequest(
                                              inquiry.channel,
                                              inquiry.language,
                                              inquiry.topic,
                                              previous,
                                              excluded);
                                      return new Decision(
                                          team,
                                          candidates,
                                          request,
                                          AssignmentPolicy.choose(
                                              request,
                                              candidates,
                                              team.routingMode,
                                              team.lastAssignedOperatorId,
                                              now));
                                    })));
  }

  /** The team's operators with their open work per channel; the team row must be locked. */
  public Uni<List<Candidate>> candidates(String teamId, Instant now) {
    return Operator.<Operator>list("teamId", teamId)
        .chain(
            operators ->
                openLoad(teamId)
                    .map(
                        open ->
                            operators.stream()
                                .map(
                                    o -> {
                                      OperatorSpec spec = directory.profile(o);
                                      return new Candidate(
                                          o.id,
                                          spec.skills(),
                                          spec.capacityPerChannel(),
                                          open.getOrDefault(o.id, Map.of()),
                                          spec.weeklySchedule(),
                                          PresenceRules.isPresent(o, now, idleTimeout));
                                    })
                                .toList()));
  }

  private Uni<Map<String, Map<Channel, Long>>> openLoad(String teamId) {
    // Assignments made earlier in this transaction must count before the next choice.
    return Panache.getSession()
        .call(s -> s.flush())
        .chain(
            s ->
                s.createNativeQuery(OPEN_LOAD, Object[].class)
                    .setParameter("team", teamId)
                    .getResultList())
        .map(
            rows -> {
              Map<String, Map<Channel, Long>> load = new HashMap<>();
              for (Object[] row : rows) {
                load.computeIfAbsent((String) row[0], k -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf((String) row[1]), ((Number) row[2]).longValue());
              }
              return load;
            });
  }

  private Uni<String> previousOperator(Inquiry inquiry) {
    if (inquiry.customerKey == null) {
      return Uni.createFrom().nullItem();
    }
    return Panache.getSession()
        .chain(
            s ->
                s.createNativeQuery(PREVIOUS_OPERATOR, String.class)
                    .setParameter("customer", inquiry.customerKey)
                    .setParameter("id", inquiry.id)
                    .getResultList())
        .map(rows -> rows.isEmpty() ? null : rows.getFirst());
  }

  /**
   * @param why the metrics reason when the caller knows it; null to derive it from the inquiry
   */
  private Uni<Void> assign(
      Inquiry inquiry, Team team, Choice choice, AssignmentReason why, String actor, Instant now) {
    InquiryStatus previous = inquiry.status;
    boolean first = inquiry.assignedAt == null;
    metrics.assigned(
        team.id,
        why != null
            ? why
            : AssignmentReason.of(!first, previous, inquiry.operatorId != null, choice.reason()),
        inquiry.priority,
        inquiry.receivedAt,
        now,
        first);
    inquiry.status = InquiryStatus.ASSIGNED;
    inquiry.operatorId = choice.operatorId();
    inquiry.assignedAt = now;
    inquiry.acceptedAt = null;
    inquiry.awaitingReplySince = null;
    team.lastAssignedOperatorId = choice.operatorId();
    LOG.infof(
        "Inquiry %s (%s) assigned to %s: %s",
        inquiry.id, inquiry.priority, choice.operatorId(), choice.reason());
    return outbox
        .stage(
            new InquiryAssigned(
                EventIds.next(),
                inquiry.id.toString(),
                now,
                InquiryAssigned.SCHEMA_VERSION,
                team.id,
                choice.operatorId(),
                inquiry.priority,
                choice.reason()))
        .chain(() -> statusChanges.record(inquiry, previous, actor, choice.reason()));
  }

  private Uni<Void> queue(Inquiry inquiry, String reason, String actor, Instant now) {
    InquiryStatus previous = inquiry.status;
    inquiry.operatorId = null;
    if (previous == InquiryStatus.QUEUED) {
      return Uni.createFrom().voidItem();
    }
    inquiry.status = InquiryStatus.QUEUED;
    LOG.infof(
        "Inquiry %s (%s) queued in %s: %s", inquiry.id, inquiry.priority, inquiry.teamId, reason);
    return outbox
        .stage(
            new InquiryQueued(
                EventIds.next(),
                inquiry.id.toString(),
                now,
                InquiryQueued.SCHEMA_VERSION,
                inquiry.teamId,
                inquiry.priority,
                reason))
        .chain(() -> statusChanges.record(inquiry, previous, actor, reason));
  }
}
