package io.switchboard.routing.assignment;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.lifecycle.StatusChanges;
import io.switchboard.routing.metrics.AssignmentReason;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.segment.CustomerHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Gives one inquiry to an operator of its team, or leaves it queued: the operator API, forwarding
 * and a person writing in a machine-written thread. Call inside a transaction that holds the team's
 * lock, taken before the inquiry's ({@link io.switchboard.routing.Locks}): two instances assigning
 * in the same team take turns and cannot both take an operator's last free slot. The team is locked
 * again here, which then waits for nothing. Batches go through {@link BatchAssignment} instead.
 */
@ApplicationScoped
public class Assigner {
  private static final Logger LOG = Logger.getLogger(Assigner.class);

  private final Outbox outbox;
  private final TeamBoards boards;
  private final CustomerHistory customers;
  private final StatusChanges statusChanges;
  private final RoutingMetrics metrics;

  public Assigner(
      Outbox outbox,
      TeamBoards boards,
      CustomerHistory customers,
      StatusChanges statusChanges,
      RoutingMetrics metrics) {
    this.metrics = metrics;
    this.outbox = outbox;
    this.boards = boards;
    this.customers = customers;
    this.statusChanges = statusChanges;
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
                    : queue(inquiry, d.board().whyNobody(d.request(), now), actor, now)
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
      Team team, TeamBoard board, AssignmentRequest request, Optional<Choice> choice) {}

  private Uni<Decision> decide(Inquiry inquiry, Set<String> excluded, Instant now) {
    return Team.<Team>findById(inquiry.teamId, LockModeType.PESSIMISTIC_WRITE)
        .onItem()
        .ifNull()
        .failWith(() -> new IllegalStateException("Unknown team " + inquiry.teamId))
        .chain(
            team ->
                boards
                    .read(List.of(team), now)
                    .chain(
                        read ->
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
                                      TeamBoard board = read.get(team.id);
                                      return new Decision(
                                          team, board, request, board.take(request, now));
                                    })));
  }

  /** Who handled the customer's latest other inquiry, or null. */
  private Uni<String> previousOperator(Inquiry inquiry) {
    if (inquiry.customerKey == null) {
      return Uni.createFrom().nullItem();
    }
    return customers
        .of(List.of(inquiry.customerKey), List.of(inquiry.id))
        .map(known -> known.get(inquiry.customerKey))
        .map(customer -> customer == null ? null : customer.previousOperator());
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
