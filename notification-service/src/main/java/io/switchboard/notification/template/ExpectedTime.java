package io.switchboard.notification.template;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * When the customer may expect a reply, phrased the way a person would say it and told in the zone
 * of the calendar that decided it, which it names because the customer's own zone is unknown: "до
 * 10:00 завтра, в понедельник (МСК)", "by 10:00 tomorrow, Monday (Moscow time)". Pure, no I/O.
 */
public final class ExpectedTime {
  private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter ENGLISH_DATE =
      DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter RUSSIAN_DATE =
      DateTimeFormatter.ofPattern("d MMMM", RUSSIAN);

  private ExpectedTime() {}

  /**
   * @param now when the customer reads it, which decides what "today" and "tomorrow" mean
   * @param due the promised time
   * @param zone the zone it is told in, named after it
   */
  public static String phrase(Instant now, Instant due, ZoneId zone, Language language) {
    ZonedDateTime at = due.atZone(zone);
    long days = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), at.toLocalDate());
    String time = HOURS.format(at);
    String when =
        language == Language.RU ? russian(time, at.toLocalDate(), days) : english(time, at, days);
    return when + " (" + ZoneNames.of(zone, due, language) + ")";
  }

  private static String english(String time, ZonedDateTime at, long days) {
    String weekday = at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    if (days <= 0) {
      return "by " + time + " today";
    }
    if (days == 1) {
      return "by " + time + " tomorrow, " + weekday;
    }
    if (days < 7) {
      return "by " + time + " on " + weekday + ", " + ENGLISH_DATE.format(at);
    }
    return "by " + time + " on " + ENGLISH_DATE.format(at);
  }

  private static String russian(String time, LocalDate date, long days) {
    if (days <= 0) {
      return "до " + time + " сегодня";
    }
    if (days == 1) {
      return "до " + time + " завтра, " + onWeekday(date.getDayOfWeek());
    }
    if (days < 7) {
      return "до " + time + " " + onWeekday(date.getDayOfWeek()) + ", " + RUSSIAN_DATE.format(date);
    }
    return "до " + time + " " + RUSSIAN_DATE.format(date);
  }

  // "в" + accusative, which the JDK's Russian day names (nominative) do not give.
  private static String onWeekday(DayOfWeek day) {
    return switch (day) {
      case MONDAY -> "в понедельник";
      case TUESDAY -> "во вторник";
      case WEDNESDAY -> "в среду";
      case THURSDAY -> "в четверг";
      case FRIDAY -> "в пятницу";
      case SATURDAY -> "в субботу";
      case SUNDAY -> "в воскресенье";
    };
  }
}
