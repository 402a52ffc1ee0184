package io.switchboard.routing.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/**
 * Working hours that start on each of {@code days} at {@code start} local time. An {@code end} at
 * or before {@code start} means the shift runs past midnight into the next day.
 */
public record Shift(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  public Shift {
    days = Set.copyOf(days);
  }

  boolean overnight() {
    return !end.isAfter(start);
  }
}
