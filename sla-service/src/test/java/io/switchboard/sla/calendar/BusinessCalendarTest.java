package io.switchboard.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static BusinessCalendar calendar(ZoneId zone, String week, LocalDate... holidays) {
    return BusinessCalendar.of("test", zone, WeekParser.parse(week), Set.of(holidays));
  }

  private static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @Test
  void hourBeforeClosingOnFridayRunsOnIntoMondayMorning() {
    BusinessCalendar office = calendar(MOSCOW, "MON-FRI 09:00-18:00");
    // 2026-11-27 is a Friday.
    assertThat(office.plusBusinessTime(at(MOSCOW, "2026-11-27T17:30"), Duration.ofHours(1)))
        .isEqualTo(at(MOSCOW, "2026-11-30T09:30"));
  }

  @Test
  void inquiryArrivingAtNightCountsFromOpening() {
    BusinessCalendar office = calendar(MOSCOW, "MON-FRI 09:00-18:00");
    assertThat(office.plusBusinessTime(at(MOSCOW, "2026-11-24T03:00"), Duration.ofMinutes(60)))
        .isEqualTo(at(MOSCOW, "2026-11-24T10:00"));
  }

  @Test
  void lunchBreakOfASplitShiftDoesNotCount() {
    BusinessCalendar split = calendar(MOSCOW, "MON-FRI 09:00-13:00,14:00-18:00");
    Instant due = split.plusBusinessTime(at(MOSCOW, "2026-11-24T12:30"), Duration.ofHours(1));
    assertThat(due).isEqualTo(at(MOSCOW, "2026-11-24T14:30"));
    assertThat(split.businessTimeBetween(at(MOSCOW, "2026-11-24T12:00"), due))
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(split.isOpen(at(MOSCOW, "2026-11-24T13:30"))).isFalse();
    assertThat(split.isOpen(at(MOSCOW, "2026-11-24T14:00"))).isTrue();
  }

  @Test
  void nightShiftRunsPastMidnightAndBelongsToTheDayItStarts() {
    BusinessCalendar night = calendar(MOSCOW, "MON-FRI 22:00-06:00");
    // Tuesday 05:30: the Monday night shift has 30 minutes left, the next starts Tuesday 22:00.
    assertThat(night.plusBusinessTime(at(MOSCOW, "2026-11-24T05:30"), Duration.ofHours(1)))
        .isEqualTo(at(MOSCOW, "2026-11-24T22:30"));
    // Saturday 03:00 is still Friday's shift; Sunday 03:00 is not (no Saturday shift).
    assertThat(night.isOpen(at(MOSCOW, "2026-11-28T03:00"))).isTrue();
    assertThat(night.isOpen(at(MOSCOW, "2026-11-29T03:00"))).isFalse();
  }

  @Test
  void holidaysAndTheYearEndAreSkipped() {
    BusinessCalendar office =
        calendar(
            MOSCOW,
            "MON-FRI 09:00-18:00",
            LocalDate.parse("2026-12-31"),
            LocalDate.parse("2027-01-01"));
    // Wednesday 30 December 17:30; 31 Dec and 1 Jan are holidays, 2–3 Jan a weekend.
    Instant due = office.plusBusinessTime(at(MOSCOW, "2026-12-30T17:30"), Duration.ofHours(1));
    assertThat(due).isEqualTo(at(MOSCOW, "2027-01-04T09:30"));
    assertThat(office.businessTimeBetween(at(MOSCOW, "2026-12-30T00:00"), due))
        .isEqualTo(Duration.ofMinutes(9 * 60 + 30));
  }

  @Test
  void dayOfSpringForwardInBerlinHasTwentyThreeHours() {
    BusinessCalendar always = calendar(BERLIN, "MON-SUN 00:00-24:00");
    // 29 March 2026, 02:00 → 03:00.
    assertThat(
            always.businessTimeBetween(
                at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-30T00:00")))
        .isEqualTo(Duration.ofHours(23));
    assertThat(always.plusBusinessTime(at(BERLIN, "2026-03-28T12:00"), Duration.ofHours(24)))
        .isEqualTo(at(BERLIN, "2026-03-29T13:00"));
  }

  @Test
  void nightShiftOverAClockChangeLastsAsLongAsTheOperatorsAreThere() {
    BusinessCalendar night = calendar(BERLIN, "MON-SUN 22:00-06:00");
    assertThat(
            night.businessTimeBetween(
                at(BERLIN, "2026-03-28T21:00"), at(BERLIN, "2026-03-29T07:00")))
        .isEqualTo(Duration.ofHours(7));
    // 25 October 2026, 03:00 → 02:00.
    assertThat(
            night.businessTimeBetween(
                at(BERLIN, "2026-10-24T21:00"), at(BERLIN, "2026-10-25T07:00")))
        .isEqualTo(Duration.ofHours(9));
  }

  @Test
  void fallBackInNewYorkCountsTheRepeatedHourOnce() {
    BusinessCalendar office = calendar(NEW_YORK, "MON-SUN 00:00-03:00");
    // 1 November 2026: 02:00 EDT → 01:00 EST, so 00:00–03:00 is four real hours.
    assertThat(
            office.businessTimeBetween(
                at(NEW_YORK, "2026-11-01T00:00"), at(NEW_YORK, "2026-11-01T12:00")))
        .isEqualTo(Duration.ofHours(4));
    // 8 March 2026: 02:00 EST → 03:00 EDT, so it is two.
    assertThat(
            office.businessTimeBetween(
                at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-08T12:00")))
        .isEqualTo(Duration.ofHours(2));
  }

  @Test
  void elapsedBusinessTimeUndoesTheDueTime() {
    BusinessCalendar calendar =
        calendar(
            BERLIN,
            "MON-FRI 08:00-12:00,13:00-17:30; SAT 22:00-04:00",
            LocalDate.parse("2026-12-25"),
            LocalDate.parse("2027-01-01"));
    Random random = new Random(42);
    Instant base = at(BERLIN, "2026-01-01T00:00");
    for (int i = 0; i < 2000; i++) {
      Instant from = base.plusSeconds(random.nextLong(2L * 366 * 24 * 3600));
      Duration amount = Duration.ofSeconds(random.nextLong(60L * 3600));
      Instant due = calendar.plusBusinessTime(from, amount);
      assertThat(calendar.businessTimeBetween(from, due)).as("from %s", from).isEqualTo(amount);
      assertThat(due).isAfterOrEqualTo(from);
    }
  }

  @Test
  void zeroBusinessTimeIsTheNextOpening() {
    BusinessCalendar office = calendar(MOSCOW, "MON-FRI 09:00-18:00");
    assertThat(office.plusBusinessTime(at(MOSCOW, "2026-11-28T23:00"), Duration.ZERO))
        .isEqualTo(at(MOSCOW, "2026-11-30T09:00"));
    assertThat(office.plusBusinessTime(at(MOSCOW, "2026-11-30T10:00"), Duration.ZERO))
        .isEqualTo(at(MOSCOW, "2026-11-30T10:00"));
  }

  @Test
  void alwaysOpenCountsCalendarTime() {
    BusinessCalendar always = BusinessCalendar.alwaysOpen("24/7", ZoneId.of("UTC"));
    Instant from = Instant.parse("2026-12-31T23:59:00Z");
    assertThat(always.plusBusinessTime(from, Duration.ofMinutes(2)))
        .isEqualTo(Instant.parse("2027-01-01T00:01:00Z"));
    assertThat(always.businessTimeBetween(from, from.plusSeconds(90)))
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void weekWithoutHoursIsRejected() {
    assertThatThrownBy(() -> calendar(MOSCOW, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no open hours");
    assertThatThrownBy(() -> WeekParser.parse("MONDAY-FRI 9-18"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WeekParser.parse("XYZ 09:00-18:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("XYZ");
  }
}
