package io.switchboard.notification.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** The team's working week in one zone: pure, no I/O. */
public record BusinessHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }
}
