package io.switchboard.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ExpectedTimeTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  // Sunday 23 November 2026, 20:00 in Moscow.
  private static final Instant SUNDAY_EVENING = Instant.parse("2026-11-22T17:00:00Z");

  @Test
  void tomorrowNamesTheWeekday() {
    Instant mondayMorning = Instant.parse("2026-11-23T07:00:00Z");

    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, mondayMorning, MOSCOW, Language.RU))
        .isEqualTo("до 10:00 завтра, в понедельник (МСК)");
    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, mondayMorning, MOSCOW, Language.EN))
        .isEqualTo("by 10:00 tomorrow, Monday (Moscow time)");
  }

  @Test
  void laterTheSameDayIsToday() {
    Instant late = Instant.parse("2026-11-22T18:30:00Z");

    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, late, MOSCOW, Language.RU))
        .isEqualTo("до 21:30 сегодня (МСК)");
    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, late, MOSCOW, Language.EN))
        .isEqualTo("by 21:30 today (Moscow time)");
  }

  @Test
  void withinTheWeekTheDayAndDateAreNamed() {
    Instant tuesday = Instant.parse("2026-11-24T06:00:00Z");

    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, tuesday, MOSCOW, Language.RU))
        .isEqualTo("до 09:00 во вторник, 24 ноября (МСК)");
    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, tuesday, MOSCOW, Language.EN))
        .isEqualTo("by 09:00 on Tuesday, 24 November (Moscow time)");
  }

  @Test
  void furtherAwayOnlyTheDate() {
    Instant december = Instant.parse("2026-12-03T09:00:00Z");

    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, december, MOSCOW, Language.RU))
        .isEqualTo("до 12:00 3 декабря (МСК)");
    assertThat(ExpectedTime.phrase(SUNDAY_EVENING, december, MOSCOW, Language.EN))
        .isEqualTo("by 12:00 on 3 December (Moscow time)");
  }

  @Test
  void dayBoundariesAreTheCustomersNotUtc() {
    // 23:30 UTC on Sunday is already Monday 02:30 in Moscow: "today" there, not "tomorrow".
    Instant now = Instant.parse("2026-11-22T23:30:00Z");
    Instant due = Instant.parse("2026-11-23T07:00:00Z");

    assertThat(ExpectedTime.phrase(now, due, MOSCOW, Language.EN))
        .isEqualTo("by 10:00 today (Moscow time)");
    assertThat(ExpectedTime.phrase(now, due, ZoneId.of("UTC"), Language.EN))
        .isEqualTo("by 07:00 tomorrow, Monday (UTC)");
  }

  @Test
  void issue13TheWebFormOnATuesdayMorningInMoscow() {
    // Tuesday 24 November 2026, 11:19 in Moscow; the office calendar promises an hour later.
    Instant received = Instant.parse("2026-11-24T08:19:00Z");
    Instant due = Instant.parse("2026-11-24T09:19:00Z");

    assertThat(ExpectedTime.phrase(received, due, MOSCOW, Language.RU))
        .isEqualTo("до 12:19 сегодня (МСК)");
    assertThat(ExpectedTime.phrase(received, due, MOSCOW, Language.EN))
        .isEqualTo("by 12:19 today (Moscow time)");
  }

  @Test
  void anotherCalendarsZoneIsNamedToo() {
    Instant received = Instant.parse("2026-11-24T08:19:00Z");
    Instant due = Instant.parse("2026-11-24T09:19:00Z");
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(ExpectedTime.phrase(received, due, berlin, Language.RU))
        .isEqualTo("до 10:19 сегодня (UTC+1)");
    assertThat(ExpectedTime.phrase(received, due, berlin, Language.EN))
        .isEqualTo("by 10:19 today (Central European Time)");
  }
}
