package io.switchboard.routing.forwarding;

/** Where a forward goes next. Pure, no I/O. */
public final class ForwardingPlan {
  private ForwardingPlan() {}

  /**
   * True when forward number {@code level} (from 1) goes to the supervisor rather than to the next
   * operator: after {@code levels} operator forwards, or at once when the SLA escalation asks for
   * the supervisor.
   */
  public static boolean toSupervisor(int level, int levels, boolean supervisorRequested) {
    return supervisorRequested || level > levels;
  }
}
