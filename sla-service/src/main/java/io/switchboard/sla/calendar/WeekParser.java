package io.switchboard.sla.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a week written as {@code MON-FRI 09:00-13:00,14:00-18:00; SAT 10:00-14:00; SUN
 * 22:00-06:00}: groups separated by semicolons, each days (a range or a comma list) and intervals.
 * An interval whose end is not after its start runs past midnight; {@code 24:00} ends a day.
 */
public final class WeekParser {
  private WeekParser() {}

  public static Map<DayOfWeek, List<BusinessCalendar.Interval>> parse(String week) {
    Map<DayOfWeek, List<BusinessCalendar.Interval>> result = new EnumMap<>(DayOfWeek.class);
    for (String group : week.split(";")) {
      String trimmed = group.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split("\\s+", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected days and intervals in '" + trimmed + "'");
      }
      List<BusinessCalendar.Interval> intervals = intervals(parts[1]);
      for (DayOfWeek day : days(parts[0])) {
        result.computeIfAbsent(day, d -> new ArrayList<>()).addAll(intervals);
      }
    }
    return result;
  }

  private static List<DayOfWeek> days(String text) {
    List<DayOfWeek> days = new ArrayList<>();
    for (String item : text.split(",")) {
      String[] range = item.split("-");
      DayOfWeek first = day(range[0]);
      DayOfWeek last = range.length == 2 ? day(range[1]) : first;
      for (DayOfWeek d = first; ; d = d.plus(1)) {
        days.add(d);
        if (d == last) {
          break;
        }
      }
    }
    return days;
  }

  private static DayOfWeek day(String abbreviation) {
    String upper = abbreviation.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(upper) && upper.length() >= 3) {
        return day;
      }
    }
    throw new IllegalArgumentException("not a day of the week: '" + abbreviation + "'");
  }

  private static List<BusinessCalendar.Interval> intervals(String text) {
    List<BusinessCalendar.Interval> intervals = new ArrayList<>();
    for (String item : text.split(",")) {
      String[] bounds = item.trim().split("-");
      if (bounds.length != 2) {
        throw new IllegalArgumentException("expected HH:MM-HH:MM, got '" + item.trim() + "'");
      }
      intervals.add(new BusinessCalendar.Interval(time(bounds[0]), time(bounds[1])));
    }
    return intervals;
  }

  private static LocalTime time(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time of day: '" + trimmed + "'", e);
    }
  }
}
