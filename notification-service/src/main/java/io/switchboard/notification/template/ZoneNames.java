package io.switchboard.notification.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

/**
 * The name of a time zone as a customer who does not know our zone reads it after a time: "МСК",
 * "Moscow time", "UTC+1", "Central European Time". Pure, no I/O.
 */
public final class ZoneNames {
  private static final Set<String> MOSCOW = Set.of("Europe/Moscow", "W-SU");

  private ZoneNames() {}

  /**
   * @param at the moment the time is told for: a zone's offset depends on it
   */
  public static String of(ZoneId zone, Instant at, Language language) {
    if (MOSCOW.contains(zone.getId())) {
      return language == Language.RU ? "МСК" : "Moscow time";
    }
    ZoneId normalized = zone.normalized();
    if (language == Language.RU || normalized instanceof ZoneOffset) {
      // Russian has no settled names for most foreign zones; the offset is unambiguous.
      return offset(zone.getRules().getOffset(at));
    }
    return zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String offset(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return "UTC";
    }
    int minutes = Math.abs(seconds) / 60;
    String sign = seconds > 0 ? "+" : "-";
    String hours = Integer.toString(minutes / 60);
    return minutes % 60 == 0
        ? "UTC" + sign + hours
        : "UTC" + sign + hours + ":" + String.format(Locale.ROOT, "%02d", minutes % 60);
  }
}
