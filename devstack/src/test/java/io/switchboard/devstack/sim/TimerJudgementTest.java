package io.switchboard.devstack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devstack.sim.GroundTruth.Answer;
import io.switchboard.devstack.sim.TruthFigures.Judged;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimerJudgementTest {
  private static final Instant DUE = Instant.parse("2026-11-23T09:00:00Z");
  private static final Instant END = DUE.plusSeconds(600);

  private static Answer answered(long fromSeconds, long toSeconds) {
    return new Answer(
        "anna", "API", DUE.plusSeconds(fromSeconds), DUE.plusSeconds(toSeconds), true);
  }

  @Test
  void anAnswerIsLateOnlyWhenItsRequestLeftAfterTheDeadline() {
    assertThat(TruthFigures.judge(answered(-5, -4), DUE, END)).isEqualTo(Judged.IN_TIME);
    assertThat(TruthFigures.judge(answered(-1, 1), DUE, END)).isEqualTo(Judged.BORDERLINE);
    assertThat(TruthFigures.judge(answered(1, 2), DUE, END)).isEqualTo(Judged.LATE);
    assertThat(TruthFigures.judge(null, DUE, END)).isEqualTo(Judged.LATE);
    assertThat(TruthFigures.judge(null, END.plusSeconds(1), END)).isEqualTo(Judged.OPEN);
  }

  @Test
  void aTimerFiresUnlessTheAnswerWasProcessedBeforeItsDeadline() {
    Duration grace = Duration.ofSeconds(2);
    Instant processedEarly = DUE.minusSeconds(3);
    Instant processedLate = DUE.plusSeconds(1);

    assertThat(TruthFigures.judgeTimer(answered(-5, -4), processedEarly, DUE, END, grace))
        .isEqualTo(Judged.IN_TIME);
    assertThat(TruthFigures.judgeTimer(answered(-5, -4), processedLate, DUE, END, grace))
        .as("answered in time, processed after the deadline: may have fired")
        .isEqualTo(Judged.BORDERLINE);
    assertThat(TruthFigures.judgeTimer(answered(1, 2), processedLate, DUE, END, grace))
        .as("within the firing lag")
        .isEqualTo(Judged.BORDERLINE);
    assertThat(TruthFigures.judgeTimer(answered(3, 4), DUE.plusSeconds(4), DUE, END, grace))
        .isEqualTo(Judged.LATE);
    assertThat(TruthFigures.judgeTimer(null, null, DUE, END, grace)).isEqualTo(Judged.LATE);
  }

  @Test
  void percentilesOfWindowsGiveTheRangeASystemCouldReport() {
    Spread spread = new Spread();
    spread.add(9.2, 9.8);
    spread.add(10.1, 10.4);
    spread.add(29.6, 30.3);

    assertThat(spread.quantile(0.5)).isEqualTo(10.25);
    assertThat(spread.interpolatedRange(0.5)).containsExactly(10.0, 11.0);
    assertThat(spread.atMost(30)).containsExactly(2, 3);
  }
}
