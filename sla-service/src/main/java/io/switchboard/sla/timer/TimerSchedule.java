package io.switchboard.sla.timer;

import io.switchboard.contracts.Priority;
import io.switchboard.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The timer settings in force: which warnings and escalation levels a running clock gets. Pure, no
 * I/O.
 *
 * @param urgent priorities whose escalations go out at once; the others wait for the business hours
 *     of {@code alertCalendar}
 */
public record TimerSchedule(
    List<Duration> warnBefore,
    List<Duration> escalateAfter,
    Set<Priority> urgent,
    BusinessCalendar alertCalendar) {

  /** The timers of a clock running since {@code runStartedAt} until {@code dueAt}. */
  public List<TimerPlan.Timer> plan(Instant runStartedAt, Instant dueAt, Priority priority) {
    BusinessCalendar holdTo = priority != null && urgent.contains(priority) ? null : alertCalendar;
    return TimerPlan.plan(runStartedAt, dueAt, warnBefore, escalateAfter, holdTo);
  }
}
