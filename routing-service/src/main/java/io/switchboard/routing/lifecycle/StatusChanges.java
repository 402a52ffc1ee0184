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
        new InquiryStatusChanged(
            EventIds.next(),
            inquiry.id.toString(),
            Instant.now(),
            InquiryStatusChanged.SCHEMA_VERSION,
            previous,
            inquiry.status,
            actor,
            reason,
            operatorReplied));
  }
}
