package io.switchboard.routing.forwarding;

import io.switchboard.routing.metrics.ReassignmentReason;

/**
 * Why an assignment moves on. The name starts the {@code InquiryForwarded} reason text; its
 * reassignment is the {@code reason} of the reassignments metric.
 */
public enum ForwardReason {
  NOT_ACCEPTED(ReassignmentReason.NOT_ACCEPTED),
  NOT_ANSWERED(ReassignmentReason.NOT_ANSWERED),
  SLA_ESCALATION(ReassignmentReason.SLA_ESCALATION);

  private final ReassignmentReason reassignment;

  ForwardReason(ReassignmentReason reassignment) {
    this.reassignment = reassignment;
  }

  public ReassignmentReason reassignment() {
    return reassignment;
  }

  /** The event's reason text: the code first, so consumers can match it, then the detail. */
  public String describe(String detail) {
    return name() + ": " + detail;
  }
}
