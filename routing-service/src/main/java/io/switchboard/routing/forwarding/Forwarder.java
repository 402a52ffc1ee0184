package io.switchboard.routing.forwarding;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.RoutingConfig;
import io.switchboard.routing.assignment.Assigner;
import io.switchboard.routing.directory.Team;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.lifecycle.Lifecycle;
import io.switchboard.routing.metrics.RoutingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Multi-level forwarding: the inquiry moves to the next eligible operator, and after the configured
 * number of levels to the team's supervisor. Call inside a transaction holding the inquiry's team
 * and then the inquiry ({@link io.switchboard.routing.Locks}): it assigns within that team.
 */
@ApplicationScoped
public class Forwarder {
  private static final Logger LOG = Logger.getLogger(Forwarder.class);

  private final Assigner assigner;
  private final Outbox outbox;
  private final int levels;
  private final RoutingMetrics metrics;

  public Forwarder(Assigner assigner, Outbox outbox, RoutingConfig config, RoutingMetrics metrics) {
    this.metrics = metrics;
    this.assigner = assigner;
    this.outbox = outbox;
    this.levels = config.forwarding().levels();
  }

  public Uni<Void> forward(
      Inquiry inquiry, ForwardReason why, String detail, boolean supervisorRequested) {
    if (!Lifecycle.holding(inquiry.status) || inquiry.operatorId == null) {
      LOG.debugf("Inquiry %s is %s: nothing to forward", inquiry.id, inquiry.status);
      return Uni.createFrom().voidItem();
    }
    String from = inquiry.operatorId;
    int level = inquiry.forwardLevel + 1;
    if (ForwardingPlan.toSupervisor(level, levels, supervisorRequested)) {
      return toSupervisor(inquiry, from, level, why, why.describe(detail));
    }
    return assigner
        .tryAssign(inquiry, Set.of(from), "system")
        .chain(
            choice ->
                choice.isPresent()
                    ? forwarded(inquiry, from, level, false, why, why.describe(detail))
                    // Nobody else can take it now: the supervisor rather than the same silence.
                    : toSupervisor(
                        inquiry,
                        from,
                        level,
                        why,
                        why.describe(detail + "; nobody else available")));
  }

  private Uni<Void> toSupervisor(
      Inquiry inquiry, String from, int level, ForwardReason why, String reason) {
    return Team.<Team>findById(inquiry.teamId)
        .chain(
            team -> {
              if (team.supervisorId == null || team.supervisorId.equals(from)) {
                LOG.warnf(
                    "Inquiry %s not forwarded (%s): team %s has no other supervisor",
                    inquiry.id, reason, team.id);
                return Uni.createFrom().voidItem();
              }
              return assigner
                  .assignTo(inquiry, team.supervisorId, "escalated to supervisor", "system")
                  .chain(() -> forwarded(inquiry, from, level, true, why, reason));
            });
  }

  private Uni<Void> forwarded(
      Inquiry inquiry,
      String from,
      int level,
      boolean toSupervisor,
      ForwardReason why,
      String reason) {
    inquiry.forwardLevel = level;
    metrics.reassigned(inquiry.teamId, why.reassignment());
    LOG.infof(
        "Inquiry %s forwarded from %s to %s (level %d): %s",
        inquiry.id, from, inquiry.operatorId, level, reason);
    return outbox.stage(
        new InquiryForwarded(
            EventIds.next(),
            inquiry.id.toString(),
            Instant.now(),
            InquiryForwarded.SCHEMA_VERSION,
            from,
            inquiry.operatorId,
            level,
            toSupervisor,
            reason));
  }
}
