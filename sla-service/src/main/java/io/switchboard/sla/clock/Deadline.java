package io.switchboard.sla.clock;

import io.switchboard.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;

/** Due times and used-up time of a clock that runs in stretches. Pure, no I/O. */
public final class Deadline {
  private Deadline() {}

  /**
   * When a clock running since {@code runStartedAt} runs out.
   *
   * @param targetSeconds the target, in business time of {@code calendar}
   * @param countedSeconds business time used up by earlier stretches
   * @param capSeconds the most calendar time the target may take, or null
   * @param wallSeconds calendar time used up by earlier stretches
   */
  public static Instant dueAt(
      BusinessCalendar calendar,
      Instant runStartedAt,
      long targetSeconds,
      long countedSeconds,
      Long capSeconds,
      long wallSeconds) {
    Instant due =
        calendar.plusBusinessTime(
            runStartedAt, Duration.ofSeconds(Math.max(0, targetSeconds - countedSeconds)));
    if (capSeconds == null) {
      return due;
    }
    Instant capped = runStartedAt.plusSeconds(Math.max(0, capSeconds - wallSeconds));
    return capped.isBefore(due) ? capped : due;
  }

  /** Business seconds of {@code calendar} between the stretch's start and {@code until}. */
  public static long countedSeconds(
      BusinessCalendar calendar, Instant runStartedAt, Instant until) {
    return calendar.businessTimeBetween(runStartedAt, until).toSeconds();
  }

  public static long wallSeconds(Instant runStartedAt, Instant until) {
    return until.isAfter(runStartedAt) ? Duration.between(runStartedAt, until).toSeconds() : 0;
  }
}
