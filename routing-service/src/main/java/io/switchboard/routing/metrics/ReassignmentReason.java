package io.switchboard.routing.metrics;

/** Why an inquiry was taken from its operator, as the tag of switchboard.routing.reassignments. */
public enum ReassignmentReason {
  NOT_ACCEPTED,
  NOT_ANSWERED,
  DECLINED,
  SLA_ESCALATION,
  MANUAL,
  TRANSFER;

  /** The reason of an automatic forward, from the forwarding reason text. */
  public static ReassignmentReason ofForward(String reason) {
    if (reason.startsWith("SLA")) {
      return SLA_ESCALATION;
    }
    return reason.toLowerCase(java.util.Locale.ROOT).contains("answer")
        ? NOT_ANSWERED
        : NOT_ACCEPTED;
  }
}
