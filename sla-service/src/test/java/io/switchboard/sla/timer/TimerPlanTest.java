package io.switchboard.sla.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sla.calendar.BusinessCalendar;
import io.switchboard.sla.calendar.WeekParser;
import io.switchboard.sla.timer.TimerPlan.Kind;
import io.switchboard.sla.timer.TimerPlan.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimerPlanTest {
  private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  private static final List<Duration> WARN = List.of(Duration.ofMinutes(10), Duration.ofMinutes(1));
  private static final List<Duration> ESCALATE =
      List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30));

  @Test
  void warningsBeforeBreachAndEscalationLevelsAfterIt() {
    Instant due = START.plus(Duration.ofHours(1));
    assertThat(TimerPlan.plan(START, due, WARN, ESCALATE, null))
        .containsExactly(
            new Timer(Kind.WARNING, 1, due.minusSeconds(600)),
            new Timer(Kind.WARNING, 2, due.minusSeconds(60)),
            new Timer(Kind.BREACH, 0, due),
            new Timer(Kind.ESCALATION, 1, due.plusSeconds(300)),
            new Timer(Kind.ESCALATION, 2, due.plusSeconds(900)),
            new Timer(Kind.ESCALATION, 3, due.plusSeconds(1800)));
  }

  @Test
  void warningsThatWouldComeBeforeTheStartAreLeftOut() {
    Instant due = START.plus(Duration.ofMinutes(2));
    assertThat(TimerPlan.plan(START, due, WARN, List.of(), null))
        .containsExactly(
            new Timer(Kind.WARNING, 2, due.minusSeconds(60)), new Timer(Kind.BREACH, 0, due));
  }

  @Test
  void escalationsOfNonUrgentInquiriesWaitForBusinessHours() {
    ZoneId moscow = ZoneId.of("Europe/Moscow");
    BusinessCalendar office =
        BusinessCalendar.of("office", moscow, WeekParser.parse("MON-FRI 09:00-18:00"), Set.of());
    // Due Tuesday 23:50 Moscow time: nobody is woken at midnight.
    Instant due = Instant.parse("2026-11-24T20:50:00Z");
    List<Timer> timers = TimerPlan.plan(START, due, List.of(), ESCALATE, office);
    Instant nextMorning = Instant.parse("2026-11-25T06:00:00Z");
    assertThat(timers)
        .containsExactly(
            new Timer(Kind.BREACH, 0, due),
            new Timer(Kind.ESCALATION, 1, nextMorning),
            new Timer(Kind.ESCALATION, 2, nextMorning),
            new Timer(Kind.ESCALATION, 3, nextMorning));
  }
}
