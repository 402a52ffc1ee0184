package io.switchboard.routing.directory;

import java.time.Duration;
import java.time.Instant;

/** Whether an operator counts as present now. Pure, no I/O. */
public final class PresenceRules {
  private PresenceRules() {}

  /** Online and seen within the idle timeout; idle beyond it reads as away. */
  public static Presence effective(
      Presence stated, Instant lastSeenAt, Instant now, Duration idleTimeout) {
    if (stated == Presence.ONLINE
        && (lastSeenAt == null || lastSeenAt.plus(idleTimeout).isBefore(now))) {
      return Presence.AWAY;
    }
    return stated == null ? Presence.OFFLINE : stated;
  }

  public static boolean isPresent(Operator operator, Instant now, Duration idleTimeout) {
    return isPresent(
        operator.alwaysPresent, operator.presence, operator.lastSeenAt, now, idleTimeout);
  }

  /** A duty operator always; anyone else while effectively online. */
  public static boolean isPresent(
      boolean alwaysPresent,
      Presence stated,
      Instant lastSeenAt,
      Instant now,
      Duration idleTimeout) {
    return alwaysPresent || effective(stated, lastSeenAt, now, idleTimeout) == Presence.ONLINE;
  }
}
