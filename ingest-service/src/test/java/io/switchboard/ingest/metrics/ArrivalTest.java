package io.switchboard.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArrivalTest {
  private static final Instant SUNDAY_LATE_UTC = Instant.parse("2026-11-22T22:40:00Z");

  @Test
  void labelsTheLocalWeekdayAndHourOfTheConfiguredZone() {
    assertThat(Arrival.of(SUNDAY_LATE_UTC, ZoneId.of("UTC"))).isEqualTo(new Arrival("SUN", "22"));
    assertThat(Arrival.of(SUNDAY_LATE_UTC, ZoneId.of("Europe/Moscow")))
        .isEqualTo(new Arrival("MON", "01"));
  }

  @Test
  void hoursAreTwoDigits() {
    assertThat(Arrival.of(Instant.parse("2026-11-25T07:05:00Z"), ZoneId.of("UTC")).hour())
        .isEqualTo("07");
  }
}
