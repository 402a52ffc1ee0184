package io.switchboard.sla.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The named business calendars of a deployment. Pure, no I/O. */
public final class Calendars {
  public static final String ALWAYS = "24/7";

  private final Map<String, BusinessCalendar> byName;

  public Calendars(Map<String, BusinessCalendar> byName) {
    this.byName = Map.copyOf(byName);
  }

  /**
   * The built-in calendars: {@code 24/7} in {@code home}, and {@code office} (Monday to Friday
   * 09:00–18:00 Moscow time) unless {@code configured} defines its own.
   */
  public static Calendars withDefaults(Map<String, BusinessCalendar> configured, ZoneId home) {
    Map<String, BusinessCalendar> all = new LinkedHashMap<>();
    all.put(ALWAYS, BusinessCalendar.alwaysOpen(ALWAYS, home));
    all.put(
        "office",
        BusinessCalendar.of(
            "office",
            ZoneId.of("Europe/Moscow"),
            WeekParser.parse("MON-FRI 09:00-18:00"),
            Set.of()));
    all.putAll(configured);
    return new Calendars(all);
  }

  /** A calendar from its settings; the week {@code 24/7} is open around the clock. */
  public static BusinessCalendar parse(
      String name, String zone, String week, List<String> holidays) {
    if (week.trim().equals(ALWAYS)) {
      return BusinessCalendar.alwaysOpen(name, ZoneId.of(zone));
    }
    Set<LocalDate> dates =
        holidays.stream().map(String::trim).map(LocalDate::parse).collect(Collectors.toSet());
    return BusinessCalendar.of(name, ZoneId.of(zone), WeekParser.parse(week), dates);
  }

  /**
   * @throws IllegalArgumentException for a name no calendar has
   */
  public BusinessCalendar get(String name) {
    BusinessCalendar calendar = byName.get(name);
    if (calendar == null) {
      throw new IllegalArgumentException(
          "no calendar named " + name + "; known: " + byName.keySet());
    }
    return calendar;
  }

  /** The calendar a target counts in; calendar time when {@code name} is null. */
  public BusinessCalendar forTarget(String name) {
    return name == null ? byName.get(ALWAYS) : get(name);
  }

  public Set<String> names() {
    return byName.keySet();
  }
}
