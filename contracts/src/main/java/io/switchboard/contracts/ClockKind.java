package io.switchboard.contracts;

/** The SLA clocks an inquiry can run. */
public enum ClockKind {
  FIRST_RESPONSE,
  NEXT_RESPONSE,
  RESOLUTION
}
