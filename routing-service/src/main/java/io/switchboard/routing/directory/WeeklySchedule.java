package io.switchboard.routing.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * When an operator works: shifts per weekday in their own time zone, minus holidays. Times are
 * compared as local wall-clock times, so a 09:00 shift starts at 09:00 on both sides of a DST
 * change. Pure, no I/O.
 *
 * @param alwaysOn duty coverage around the clock; shifts and holidays are then ignored
 * @param holidays local dates on which shifts that start that day do not happen
 */
public record WeeklySchedule(
    ZoneId zone, List<Shift> shifts, Set<LocalDate> holidays, boolean alwaysOn) {
  public static final WeeklySchedule AROUND_THE_CLOCK =
      new WeeklySchedule(ZoneId.of("UTC"), List.of(), Set.of(), true);

  public WeeklySchedule {
    shifts = List.copyOf(shifts);
    holidays = Set.copyOf(holidays);
  }

  public boolean isOnShift(Instant instant) {
    if (alwaysOn) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    LocalDate today = local.toLocalDate();
    LocalDate yesterday = today.minusDays(1);
    for (Shift shift : shifts) {
      if (worksOn(shift, today)
          && !local.toLocalTime().isBefore(shift.start())
          && (shift.overnight() || local.toLocalTime().isBefore(shift.end()))) {
        return true;
      }
      // The tail of last night's shift belongs to the day it started on, holidays included.
      if (shift.overnight()
          && worksOn(shift, yesterday)
          && local.toLocalTime().isBefore(shift.end())) {
        return true;
      }
    }
    return false;
  }

  private boolean worksOn(Shift shift, LocalDate date) {
    return shift.days().contains(date.getDayOfWeek()) && !holidays.contains(date);
  }
}
