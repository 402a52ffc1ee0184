package io.switchboard.notification.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private final WorkingHours weekdays =
      new WorkingHours(
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          LocalTime.of(9, 0),
          LocalTime.of(18, 0),
          MOSCOW);

  @Test
  void openOnWeekdaysInTheRecipientsZone() {
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T06:00:00Z"))).isTrue(); // Mon 09:00
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T14:59:59Z"))).isTrue(); // Mon 17:59
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T15:00:00Z"))).isFalse(); // Mon 18:00
    assertThat(weekdays.isOpen(Instant.parse("2026-11-23T05:59:00Z"))).isFalse(); // Mon 08:59
    assertThat(weekdays.isOpen(Instant.parse("2026-11-22T09:00:00Z"))).isFalse(); // Sun 12:00
  }

  @Test
  void duringWorkTheNextOpeningIsNow() {
    Instant monday = Instant.parse("2026-11-23T10:00:00Z");

    assertThat(weekdays.nextOpen(monday)).contains(monday);
  }

  @Test
  void anEveningAlertWaitsForTheNextMorning() {
    Instant mondayEvening = Instant.parse("2026-11-23T17:30:00Z"); // 20:30 in Moscow

    assertThat(weekdays.nextOpen(mondayEvening)).contains(Instant.parse("2026-11-24T06:00:00Z"));
  }

  @Test
  void aFridayEveningAlertWaitsForMonday() {
    Instant friday = Instant.parse("2026-11-27T16:00:00Z");

    assertThat(weekdays.nextOpen(friday)).contains(Instant.parse("2026-11-30T06:00:00Z"));
  }

  @Test
  void anEarlyMorningAlertWaitsForTheSameDaysStart() {
    Instant early = Instant.parse("2026-11-24T03:00:00Z"); // Tue 06:00 in Moscow

    assertThat(weekdays.nextOpen(early)).contains(Instant.parse("2026-11-24T06:00:00Z"));
  }

  @Test
  void aOneDayWeekAfterItsHoursWaitsAWeek() {
    WorkingHours mondays =
        new WorkingHours(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(18, 0), MOSCOW);

    assertThat(mondays.nextOpen(Instant.parse("2026-11-23T16:00:00Z")))
        .contains(Instant.parse("2026-11-30T06:00:00Z"));
  }

  @Test
  void nobodyWhoNeverWorksHasANextOpening() {
    WorkingHours never =
        new WorkingHours(Set.of(), LocalTime.of(9, 0), LocalTime.of(18, 0), MOSCOW);

    assertThat(never.nextOpen(Instant.parse("2026-11-23T10:00:00Z"))).isEmpty();
  }
}
