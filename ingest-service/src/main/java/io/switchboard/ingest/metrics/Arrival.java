package io.switchboard.ingest.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** The local weekday ({@code MON}..{@code SUN}) and hour ({@code 00}..{@code 23}) of an arrival. */
public record Arrival(String weekday, String hour) {

  public static Arrival of(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return new Arrival(
        local.getDayOfWeek().name().substring(0, 3).toUpperCase(Locale.ROOT),
        "%02d".formatted(local.getHour()));
  }
}
