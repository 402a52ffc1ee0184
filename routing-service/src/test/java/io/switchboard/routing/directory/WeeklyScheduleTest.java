package io.switchboard.routing.directory;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeeklyScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static WeeklySchedule schedule(ZoneId zone, Set<LocalDate> holidays, Shift... shifts) {
    return new WeeklySchedule(zone, List.of(shifts), holidays, false);
  }

  private static Shift shift(Set<DayOfWeek> days, String start, String end) {
    return new Shift(days, LocalTime.parse(start), LocalTime.parse(end));
  }

  @Test
  void splitShiftLeavesTheLunchBreakOut() {
    var split =
        schedule(
            ZoneId.of("Europe/Moscow"),
            Set.of(),
            shift(EnumSet.of(MONDAY), "09:00", "13:00"),
            shift(EnumSet.of(MONDAY), "14:00", "18:00"));
    // 2026-11-23 is a Monday; Moscow is UTC+3 all year.
    assertThat(split.isOnShift(Instant.parse("2026-11-23T06:00:00Z"))).isTrue(); // 09:00
    assertThat(split.isOnShift(Instant.parse("2026-11-23T09:59:59Z"))).isTrue(); // 12:59:59
    assertThat(split.isOnShift(Instant.parse("2026-11-23T10:30:00Z"))).isFalse(); // 13:30
    assertThat(split.isOnShift(Instant.parse("2026-11-23T11:00:00Z"))).isTrue(); // 14:00
    assertThat(split.isOnShift(Instant.parse("2026-11-23T15:00:00Z"))).isFalse(); // 18:00
  }

  @Test
  void nightShiftRunsPastMidnightIntoTheNextDay() {
    var night = schedule(ZoneId.of("UTC"), Set.of(), shift(EnumSet.of(FRIDAY), "22:00", "06:00"));
    // Friday 2026-11-27.
    assertThat(night.isOnShift(Instant.parse("2026-11-27T21:59:00Z"))).isFalse();
    assertThat(night.isOnShift(Instant.parse("2026-11-27T23:30:00Z"))).isTrue();
    assertThat(night.isOnShift(Instant.parse("2026-11-28T05:59:00Z"))).isTrue();
    assertThat(night.isOnShift(Instant.parse("2026-11-28T06:00:00Z"))).isFalse();
    // Thursday night is not a shift, so Friday early morning is off.
    assertThat(night.isOnShift(Instant.parse("2026-11-27T03:00:00Z"))).isFalse();
  }

  @Test
  void holidayCancelsTheShiftsThatStartOnIt() {
    var night =
        schedule(
            ZoneId.of("UTC"),
            Set.of(LocalDate.parse("2026-12-31")),
            shift(EnumSet.allOf(DayOfWeek.class), "22:00", "06:00"));
    assertThat(night.isOnShift(Instant.parse("2026-12-31T23:00:00Z"))).isFalse();
    assertThat(night.isOnShift(Instant.parse("2027-01-01T02:00:00Z"))).isFalse();
    // The shift that started the evening before the holiday runs to its end.
    assertThat(night.isOnShift(Instant.parse("2026-12-31T05:00:00Z"))).isTrue();
  }

  @Test
  void springForwardKeepsTheLocalStartTime() {
    // 2026-03-29 (Sunday): Berlin moves from UTC+1 to UTC+2 at 02:00 local.
    var day = schedule(BERLIN, Set.of(), shift(EnumSet.of(SUNDAY), "09:00", "17:00"));
    assertThat(day.isOnShift(Instant.parse("2026-03-29T07:00:00Z"))).isTrue(); // 09:00 CEST
    assertThat(day.isOnShift(Instant.parse("2026-03-29T07:59:00Z"))).isTrue();
    assertThat(day.isOnShift(Instant.parse("2026-03-29T06:59:00Z"))).isFalse(); // 08:59 CEST
    assertThat(day.isOnShift(Instant.parse("2026-03-29T15:00:00Z"))).isFalse(); // 17:00 CEST
  }

  @Test
  void nightShiftAcrossTheSpringForwardGapIsOneHourShorter() {
    var night = schedule(BERLIN, Set.of(), shift(EnumSet.of(SATURDAY), "22:00", "06:00"));
    // 22:00 CET Saturday = 21:00Z; 06:00 CEST Sunday = 04:00Z: seven hours, not eight.
    assertThat(night.isOnShift(Instant.parse("2026-03-28T21:00:00Z"))).isTrue();
    assertThat(night.isOnShift(Instant.parse("2026-03-29T01:30:00Z"))).isTrue(); // 03:30 CEST
    assertThat(night.isOnShift(Instant.parse("2026-03-29T03:59:00Z"))).isTrue();
    assertThat(night.isOnShift(Instant.parse("2026-03-29T04:00:00Z"))).isFalse();
  }

  @Test
  void fallBackRepeatsAnHourThatIsOnShiftBothTimes() {
    // 2026-10-25 (Sunday): Berlin goes back from UTC+2 to UTC+1 at 03:00 local; 02:00-03:00 twice.
    var early = schedule(BERLIN, Set.of(), shift(EnumSet.of(SUNDAY), "02:00", "04:00"));
    assertThat(early.isOnShift(Instant.parse("2026-10-25T00:30:00Z"))).isTrue(); // 02:30 CEST
    assertThat(early.isOnShift(Instant.parse("2026-10-25T01:30:00Z"))).isTrue(); // 02:30 CET
    assertThat(early.isOnShift(Instant.parse("2026-10-25T02:30:00Z"))).isTrue(); // 03:30 CET
    assertThat(early.isOnShift(Instant.parse("2026-10-25T03:00:00Z"))).isFalse(); // 04:00 CET
    assertThat(early.isOnShift(Instant.parse("2026-10-24T23:59:00Z"))).isFalse(); // 01:59 CEST
  }

  @Test
  void aroundTheClockIgnoresShiftsAndHolidays() {
    assertThat(WeeklySchedule.AROUND_THE_CLOCK.isOnShift(Instant.parse("2026-12-31T03:00:00Z")))
        .isTrue();
  }
}
