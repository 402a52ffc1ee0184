package io.switchboard.devstack.sim;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The promise an acknowledgement's words make, read as the customer reads it: a time of day and the
 * zone it is named in ("до 12:18 сегодня (МСК)", "by 12:18 today (Moscow time)"). A time whose zone
 * the text does not name cannot be trusted by a customer whose zone is unknown. Pure.
 */
record AckText(LocalTime time, String zoneWords, ZoneId zone) {
  private static final Pattern TIME =
      Pattern.compile("(?<![\\d:])([01]?\\d|2[0-3]):([0-5]\\d)(?![\\d:])");
  private static final Pattern IANA = Pattern.compile("\\b([A-Z][a-z]+/[A-Z][A-Za-z_]+)\\b");
  private static final Pattern OFFSET =
      Pattern.compile("\\b(?:UTC|GMT)\\s*([+-]\\d{1,2})(?::?(\\d{2}))?");
  private static final Map<String, String> NAMED =
      Map.of(
          "мск", "Europe/Moscow",
          "московскому времени", "Europe/Moscow",
          "moscow time", "Europe/Moscow",
          "moscow", "Europe/Moscow",
          "utc", "UTC",
          "gmt", "UTC",
          "всемирному времени", "UTC");

  /** The first time of day in the text and the zone it names; null fields when absent. */
  static AckText read(String text) {
    if (text == null) {
      return new AckText(null, null, null);
    }
    Matcher time = TIME.matcher(text);
    LocalTime at =
        time.find()
            ? LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)))
            : null;
    Matcher offset = OFFSET.matcher(text);
    if (offset.find()) {
      String minutes = offset.group(2) == null ? "00" : offset.group(2);
      String sign = offset.group(1).startsWith("-") ? "-" : "+";
      String hours = offset.group(1).replaceAll("[+-]", "");
      try {
        return new AckText(
            at,
            offset.group(),
            ZoneId.of("UTC" + sign + (hours.length() == 1 ? "0" + hours : hours) + ":" + minutes));
      } catch (DateTimeException ignored) {
        // not a zone after all
      }
    }
    Matcher iana = IANA.matcher(text);
    while (iana.find()) {
      try {
        return new AckText(at, iana.group(1), ZoneId.of(iana.group(1)));
      } catch (DateTimeException ignored) {
        // a word with a slash
      }
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (var named : NAMED.entrySet()) {
      if (Pattern.compile("(?<![\\p{L}])" + Pattern.quote(named.getKey()) + "(?![\\p{L}])")
          .matcher(lower)
          .find()) {
        return new AckText(at, named.getKey(), ZoneId.of(named.getValue()));
      }
    }
    return new AckText(at, null, null);
  }

  /**
   * Whether the words agree with the promised instant: the same minute in the named zone (the
   * minute shown, or the next one for a text that rounds up).
   */
  boolean says(Instant promisedBy) {
    if (time == null || zone == null || promisedBy == null) {
      return false;
    }
    ZonedDateTime promised = promisedBy.atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    LocalTime shown = promised.toLocalTime();
    return time.equals(shown) || time.equals(shown.plusMinutes(1));
  }
}
