package io.switchboard.notification.alert;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/** When an alert recipient works, in their own zone: pure, no I/O. */
public record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end, ZoneId zone) {

  public boolean isOpen(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
  }

  /**
   * {@code at} itself when open then, else the next start of work; empty when nobody ever works.
   */
  public Optional<Instant> nextOpen(Instant at) {
    if (isOpen(at)) {
      return Optional.of(at);
    }
    LocalDate today = at.atZone(zone).toLocalDate();
    // A week and a day: from a late Monday with only Mondays worked, the next start is 7 days on.
    for (int offset = 0; offset <= 7; offset++) {
      LocalDate day = today.plusDays(offset);
      if (days.contains(day.getDayOfWeek())) {
        Instant begins = ZonedDateTime.of(day, start, zone).toInstant();
        if (begins.isAfter(at)) {
          return Optional.of(begins);
        }
      }
    }
    return Optional.empty();
  }
}
