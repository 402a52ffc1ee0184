package io.switchboard.routing.lifecycle;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAccepted;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.assignment.Assigner;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.metrics.ReassignmentReason;
import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.queue.QueueDrainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves inquiries through their lifecycle. Call inside a transaction holding the inquiry's lock and
 * its team's (and a transfer's target team's) as {@link io.switchboard.routing.Locks} orders them:
 * a move that frees a slot drains the team's queue, and a transfer assigns in the target team.
 */
@ApplicationScoped
public class LifecycleService {
  private static final Logger LOG = Logger.getLogger(LifecycleService.class);

  private final Outbox outbox;
  private final StatusChanges statusChanges;
  private final Assigner assigner;
  private final QueueDrainer queue;
  private final RoutingMetrics metrics;

  public LifecycleService(
      Outbox outbox,
      StatusChanges statusChanges,
      Assigner assigner,
      QueueDrainer queue,
      RoutingMetrics metrics) {
    this.metrics = metrics;
    this.outbox = outbox;
    this.statusChanges = statusChanges;
    this.assigner = assigner;
    this.queue = queue;
  }

  /**
   * An event from a channel about {@code inquiry} (locked; null when routing does not know it):
   * actions that do not apply in the current state change nothing.
   */
  public Uni<Void> onEvent(UUID inquiryId, Inquiry inquiry, Lifecycle.Action action, String actor) {
    if (inquiry == null) {
      LOG.warnf("%s for unknown inquiry %s ignored", action, inquiryId);
      return Uni.createFrom().voidItem();
    }
    return Lifecycle.next(inquiry.status, action)
        .map(next -> move(inquiry, next, actor, action))
        .orElseGet(() -> Uni.createFrom().voidItem());
  }

  /** An operator's or supervisor's action: refused when it does not apply. */
  public Uni<Inquiry> act(Inquiry inquiry, Lifecycle.Action action, String actor) {
    Optional<InquiryStatus> next = Lifecycle.next(inquiry.status, action);
    if (next.isEmpty()) {
      throw new IllegalStateException(
          action + " does not apply to a " + inquiry.status + " inquiry");
    }
    return move(inquiry, next.get(), actor, action).replaceWith(inquiry);
  }

  /** The assignee gives the inquiry back: somebody else gets it, or it waits in the queue. */
  public Uni<Inquiry> decline(Inquiry inquiry, String actor) {
    if (inquiry.status != InquiryStatus.ASSIGNED) {
      throw new IllegalStateException("Only an assigned inquiry can be declined");
    }
    metrics.reassigned(inquiry.teamId, ReassignmentReason.DECLINED);
    return assigner
        .assignOrQueue(inquiry, Set.of(inquiry.operatorId), actor)
        .chain(() -> queue.drain(inquiry.teamId, Set.of(inquiry.id)))
        .replaceWith(inquiry);
  }

  /** A supervisor moves the inquiry away from its current operator. */
  public Uni<Inquiry> reassign(Inquiry inquiry, String actor) {
    if (!Lifecycle.holding(inquiry.status) && inquiry.status != InquiryStatus.QUEUED) {
      throw new IllegalStateException("A " + inquiry.status + " inquiry cannot be reassigned");
    }
    Set<String> excluded = inquiry.operatorId == null ? Set.of() : Set.of(inquiry.operatorId);
    metrics.reassigned(inquiry.teamId, ReassignmentReason.MANUAL);
    return assigner.assignOrQueue(inquiry, excluded, actor).replaceWith(inquiry);
  }

  /**
   * Moves the inquiry to another team's operators or queue; the old team's slot frees. Both teams
   * must be locked already: opposite transfers between two teams would otherwise deadlock.
   */
  public Uni<Inquiry> transfer(Inquiry inquiry, String teamId, String actor) {
    if (!Lifecycle.holding(inquiry.status) && inquiry.status != InquiryStatus.QUEUED) {
      throw new IllegalStateException("A " + inquiry.status + " inquiry cannot be transferred");
    }
    String oldTeam = inquiry.teamId;
    metrics.reassigned(oldTeam, ReassignmentReason.TRANSFER);
    inquiry.teamId = teamId;
    inquiry.operatorId = null;
    return assigner
        .assignOrQueue(inquiry, Set.of(), actor)
        .chain(() -> queue.drain(oldTeam, Set.of(inquiry.id)))
        .replaceWith(inquiry);
  }

  private Uni<Void> move(
      Inquiry inquiry, InquiryStatus next, String actor, Lifecycle.Action action) {
    InquiryStatus previous = inquiry.status;
    boolean operatorReplied = action == Lifecycle.Action.OPERATOR_REPLY;
    if (next == InquiryStatus.WAITING_ON_CUSTOMER
        && (previous == InquiryStatus.ASSIGNED || previous == InquiryStatus.ACCEPTED)
        && inquiry.operatorId != null
        && inquiry.assignedAt != null
        && operatorReplied) {
      metrics.responded(inquiry.teamId, inquiry.operatorId, inquiry.assignedAt, Instant.now());
    }
    inquiry.status = next;
    // Each time it is accepted again (a customer's follow-up) the operator owes a new reply.
    inquiry.awaitingReplySince = next == InquiryStatus.ACCEPTED ? Instant.now() : null;
    Uni<Void> extra = Uni.createFrom().voidItem();
    if (next == InquiryStatus.ACCEPTED && inquiry.acceptedAt == null) {
      inquiry.acceptedAt = Instant.now();
      extra =
          outbox.stage(
              new InquiryAccepted(
                  EventIds.next(),
                  inquiry.id.toString(),
                  inquiry.acceptedAt,
                  InquiryAccepted.SCHEMA_VERSION,
                  inquiry.operatorId));
    }
    boolean freed = Lifecycle.holding(previous) && !Lifecycle.holding(next);
    LOG.infof("Inquiry %s %s -> %s by %s", inquiry.id, previous, next, actor);
    return extra
        .chain(
            () -> statusChanges.record(inquiry, previous, actor, reasonOf(action), operatorReplied))
        .chain(
            () ->
                freed
                    ? queue.drain(inquiry.teamId, Set.of(inquiry.id))
                    : Uni.createFrom().voidItem());
  }

  private static String reasonOf(Lifecycle.Action action) {
    return switch (action) {
      case ACCEPT -> "accepted";
      case OPERATOR_REPLY -> "operator replied";
      case WAIT_ON_CUSTOMER -> "waiting on customer";
      case CUSTOMER_REPLY -> "customer replied";
      case RESOLVE -> "resolved";
      case CLOSE -> "closed";
    };
  }
}
