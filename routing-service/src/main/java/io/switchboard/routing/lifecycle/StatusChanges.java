package io.switchboard.routing.lifecycle;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.routing.inquiry.Inquiry;
import io.switchboard.routing.metrics.RoutingMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Publishes every lifecycle move with the state before and after, in the caller's transaction. */
@ApplicationScoped
public class StatusChanges {
  private final Outbox outbox;
  private final RoutingMetrics metrics;

  public StatusChanges(Outbox outbox, RoutingMetrics metrics) {
    this.outbox = outbox;
    this.metrics = metrics;
  }

  public Uni<Void> record(Inquiry inquiry, InquiryStatus previous, String actor, String reason) {
    return record(inquiry, previous, actor, reason, false);
  }

  /**
   * @param operatorReplied the move records an operator's answer, so sla-service stops the response
   *     clocks whichever way the answer was given (the channel or the operator API)
   */
  public Uni<Void> record(
      Inquiry inquiry,
      InquiryStatus previous,
      String actor,
      String reason,
      boolean operatorReplied) {
    if (previous == inquiry.status) {
      return Uni.createFrom().voidItem();
    }
    metrics.statusChanged(inquiry.status, inquiry.teamId, inquiry.operatorId);
    return outbox.stage(
        event(inquiry.id, previous, inquiry.status, actor, reason, operatorReplied, Instant.now()));
  }

  /** The event of a move; callers that stage a batch count it with {@link RoutingMetrics}. */
  public static InquiryStatusChanged event(
      UUID inquiryId,
      InquiryStatus previous,
      InquiryStatus current,
      String actor,
      String reason,
      boolean operatorReplied,
      Instant at) {
    return new InquiryStatusChanged(
        EventIds.next(),
        inquiryId.toString(),
        at,
        InquiryStatusChanged.SCHEMA_VERSION,
        previous,
        current,
        actor,
        reason,
        operatorReplied);
  }
}
