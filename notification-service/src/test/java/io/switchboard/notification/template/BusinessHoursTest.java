package io.switchboard.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private final BusinessHours weekdays =
      new BusinessHours(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(18, 0),
          ZoneId.of("Europe/Moscow"));

  @Test
  void openOnWeekdaysInTheTeamsZone() {
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T06:00:00Z"))).isTrue(); // Mon 09:00
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T14:59:59Z"))).isTrue(); // Mon 17:59
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T15:00:00Z"))).isFalse(); // Mon 18:00
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T05:59:00Z"))).isFalse(); // Mon 08:59
  }

  @Test
  void closedAtTheWeekend() {
    assertThat(weekdays.isOpen(Instant.parse("2026-11-22T09:00:00Z"))).isFalse(); // Sun 12:00
  }
}
