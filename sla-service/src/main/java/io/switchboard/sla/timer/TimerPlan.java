package io.switchboard.sla.timer;

import io.switchboard.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The warnings, breach and escalation levels of a running clock. Pure, no I/O. */
public final class TimerPlan {
  public enum Kind {
    WARNING,
    BREACH,
    ESCALATION
  }

  /**
   * @param level the warning's position in the configured list, or the escalation level from 1; 0
   *     for the breach
   */
  public record Timer(Kind kind, int level, Instant dueAt) {}

  private TimerPlan() {}

  /**
   * Warnings before the due time that still lie after {@code runStartedAt} (a 10-minute warning
   * makes no sense on a 2-minute target), the breach at the due time, and escalation levels after
   * it. With {@code holdTo}, escalation levels that fall outside its business hours wait for them:
   * nobody is woken at midnight for an inquiry that is not urgent.
   */
  public static List<Timer> plan(
      Instant runStartedAt,
      Instant dueAt,
      List<Duration> warnBefore,
      List<Duration> escalateAfter,
      BusinessCalendar holdTo) {
    List<Timer> timers = new ArrayList<>();
    for (int i = 0; i < warnBefore.size(); i++) {
      Instant at = dueAt.minus(warnBefore.get(i));
      if (at.isAfter(runStartedAt)) {
        timers.add(new Timer(Kind.WARNING, i + 1, at));
      }
    }
    timers.add(new Timer(Kind.BREACH, 0, dueAt));
    for (int i = 0; i < escalateAfter.size(); i++) {
      Instant at = dueAt.plus(escalateAfter.get(i));
      if (holdTo != null) {
        at = holdTo.plusBusinessTime(at, Duration.ZERO);
      }
      timers.add(new Timer(Kind.ESCALATION, i + 1, at));
    }
    return timers;
  }
}
