package io.switchboard.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sla.calendar.BusinessCalendar;
import io.switchboard.sla.calendar.WeekParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  private static final BusinessCalendar OFFICE =
      BusinessCalendar.of(
          "office", ZoneId.of("UTC"), WeekParser.parse("MON-FRI 09:00-18:00"), Set.of());
  private static final BusinessCalendar ALWAYS =
      BusinessCalendar.alwaysOpen("24/7", ZoneId.of("UTC"));

  @Test
  void pausedTimeDoesNotCount() {
    Instant start = Instant.parse("2026-11-24T10:00:00Z");
    Instant paused = start.plusSeconds(3600);
    long counted = Deadline.countedSeconds(ALWAYS, start, paused);
    Instant resumed = paused.plusSeconds(5 * 3600);
    assertThat(Deadline.dueAt(ALWAYS, resumed, 4 * 3600, counted, null, 0))
        .isEqualTo(resumed.plusSeconds(3 * 3600));
  }

  @Test
  void capLimitsABusinessTimeTargetOverALongWeekend() {
    // Friday 17:30: one business hour would end Monday 09:30, the 24-hour cap ends Saturday.
    Instant friday = Instant.parse("2026-11-27T17:30:00Z");
    assertThat(Deadline.dueAt(OFFICE, friday, 3600, 0, null, 0))
        .isEqualTo(Instant.parse("2026-11-30T09:30:00Z"));
    assertThat(Deadline.dueAt(OFFICE, friday, 3600, 0, 24L * 3600, 0))
        .isEqualTo(Instant.parse("2026-11-28T17:30:00Z"));
  }

  @Test
  void capCountsCalendarTimeUsedBeforeAPause() {
    Instant resumed = Instant.parse("2026-11-24T10:00:00Z");
    assertThat(Deadline.dueAt(OFFICE, resumed, 8 * 3600, 0, 10L * 3600, 9L * 3600))
        .isEqualTo(resumed.plusSeconds(3600));
  }

  @Test
  void overdueClockIsDueAtOnce() {
    Instant resumed = Instant.parse("2026-11-24T10:00:00Z");
    assertThat(Deadline.dueAt(OFFICE, resumed, 3600, 7200, null, 0)).isEqualTo(resumed);
  }
}
