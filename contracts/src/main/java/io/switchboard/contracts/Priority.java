package io.switchboard.contracts;

/** Urgency of an inquiry: P1 is answered first. */
public enum Priority {
  P1,
  P2,
  P3,
  P4
}
