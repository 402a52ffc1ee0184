package io.switchboard.routing.metrics;

/** Why an inquiry was taken from its operator, as the tag of switchboard.routing.reassignments. */
public enum ReassignmentReason {
  NOT_ACCEPTED,
  NOT_ANSWERED,
  DECLINED,
  SLA_ESCALATION,
  MANUAL,
  TRANSFER
}
