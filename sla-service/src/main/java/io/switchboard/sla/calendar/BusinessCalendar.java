package io.switchboard.sla.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a team works: a time zone, weekly intervals and holidays, or around the clock. Pure, no I/O.
 *
 * <p>Business time is real elapsed time inside open intervals: a night shift 22:00–06:00 lasts 7 or
 * 9 hours on the nights the clocks change, because that is how long the operators are there. An
 * interval belongs to the day it starts on, so a holiday closes the night shift that starts on it
 * and not the one that ends on it.
 */
public final class BusinessCalendar {
  /** Open intervals never end when no day of the week has one; bounds the search for them. */
  private static final int MAX_DAYS_WITHOUT_HOURS = 3 * 366;

  private final String name;
  private final ZoneId zone;
  private final Map<DayOfWeek, List<Interval>> week;
  private final Set<LocalDate> holidays;
  private final boolean alwaysOpen;

  private BusinessCalendar(
      String name,
      ZoneId zone,
      Map<DayOfWeek, List<Interval>> week,
      Set<LocalDate> holidays,
      boolean alwaysOpen) {
    this.name = Objects.requireNonNull(name, "name");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.week = week;
    this.holidays = Set.copyOf(holidays);
    this.alwaysOpen = alwaysOpen;
  }

  /**
   * Open around the clock, every day: business time is calendar time.
   *
   * @param zone where its due times are told to customers; it changes no deadline
   */
  public static BusinessCalendar alwaysOpen(String name, ZoneId zone) {
    return new BusinessCalendar(name, zone, Map.of(), Set.of(), true);
  }

  /** The calendar's time zone: its hours are counted, and its due times told, in it. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * @param week open intervals per day of the week; days without an entry are closed
   * @throws IllegalArgumentException when no day has an interval: nothing would ever fall due
   */
  public static BusinessCalendar of(
      String name, ZoneId zone, Map<DayOfWeek, List<Interval>> week, Set<LocalDate> holidays) {
    Map<DayOfWeek, List<Interval>> sorted = new EnumMap<>(DayOfWeek.class);
    week.forEach(
        (day, intervals) -> {
          if (!intervals.isEmpty()) {
            sorted.put(
                day, intervals.stream().sorted(Comparator.comparing(Interval::start)).toList());
          }
        });
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("calendar " + name + " has no open hours in its week");
    }
    return new BusinessCalendar(name, zone, sorted, holidays, false);
  }

  /**
   * The instant at which {@code amount} of business time has passed since {@code from}. Zero gives
   * the next open instant ({@code from} itself when open): when a held alert may go out.
   */
  public Instant plusBusinessTime(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative business time: " + amount);
    }
    if (alwaysOpen) {
      return from.plus(amount);
    }
    Duration remaining = amount;
    Windows windows = new Windows(localDate(from).minusDays(1));
    for (Window window = windows.next(); ; window = windows.next()) {
      Instant start = later(window.start, from);
      if (!window.end.isAfter(start)) {
        continue;
      }
      Duration open = Duration.between(start, window.end);
      if (remaining.compareTo(open) <= 0) {
        return start.plus(remaining);
      }
      remaining = remaining.minus(open);
    }
  }

  /** Business time between two instants; zero when {@code to} is not after {@code from}. */
  public Duration businessTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (alwaysOpen) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    Windows windows = new Windows(localDate(from).minusDays(1));
    for (Window window = windows.next(); window.start.isBefore(to); window = windows.next()) {
      Instant start = later(window.start, from);
      Instant end = window.end.isBefore(to) ? window.end : to;
      if (end.isAfter(start)) {
        total = total.plus(Duration.between(start, end));
      }
    }
    return total;
  }

  public boolean isOpen(Instant instant) {
    return plusBusinessTime(instant, Duration.ZERO).equals(instant);
  }

  private LocalDate localDate(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * An open interval of a day, e.g. 09:00–18:00. An end not after the start runs past midnight into
   * the next day: 22:00–06:00, and 00:00–24:00 for the whole day.
   */
  public record Interval(LocalTime start, LocalTime end) {
    public Interval {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }

    public boolean pastMidnight() {
      return !end.isAfter(start);
    }
  }

  private record Window(Instant start, Instant end) {}

  /** Open windows in time order from a day on, each cut to start where the one before ended. */
  private final class Windows {
    private LocalDate day;
    private final List<Window> pending = new ArrayList<>();
    private Instant coveredUntil = Instant.MIN;

    Windows(LocalDate firstDay) {
      this.day = firstDay;
    }

    Window next() {
      int daysWithoutHours = 0;
      while (true) {
        while (pending.isEmpty()) {
          if (++daysWithoutHours > MAX_DAYS_WITHOUT_HOURS) {
            throw new IllegalStateException("calendar " + name + " has no open hours ahead");
          }
          expand(day);
          day = day.plusDays(1);
        }
        Window window = pending.removeFirst();
        Instant start = later(window.start, coveredUntil);
        if (window.end.isAfter(start)) {
          coveredUntil = window.end;
          return new Window(start, window.end);
        }
      }
    }

    private void expand(LocalDate date) {
      if (holidays.contains(date)) {
        return;
      }
      for (Interval interval : week.getOrDefault(date.getDayOfWeek(), List.of())) {
        // ZonedDateTime.of moves a time inside a spring-forward gap to just after it and takes
        // the earlier offset in an autumn overlap: the shift starts when the wall clock says so.
        Instant start = ZonedDateTime.of(date, interval.start(), zone).toInstant();
        LocalDate endDate = interval.pastMidnight() ? date.plusDays(1) : date;
        Instant end = ZonedDateTime.of(endDate, interval.end(), zone).toInstant();
        if (end.isAfter(start)) {
          pending.add(new Window(start, end));
        }
      }
    }
  }
}
