package io.switchboard.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SweepTimingTest {
  private static final Duration PRODUCER = Duration.ofMillis(3_000 + 6_000);

  @Test
  void aGraceNoLongerThanTheProducersWaitIsRefusedNamingBothSettings() {
    assertThatThrownBy(() -> SweepTiming.checked(PRODUCER, Duration.ofSeconds(20), PRODUCER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ingest.intake.pending-grace")
        .hasMessageContaining("delivery.timeout.ms");
    assertThatThrownBy(
            () -> SweepTiming.checked(Duration.ofSeconds(5), Duration.ofSeconds(20), PRODUCER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRoundTimeoutMustBePositive() {
    assertThatThrownBy(() -> SweepTiming.checked(Duration.ofSeconds(30), Duration.ZERO, PRODUCER))
        .hasMessageContaining("round-timeout");
  }

  @Test
  void publishingAndTheStatementsOfARoundFitInsideItsTimeout() {
    SweepTiming timing =
        SweepTiming.checked(Duration.ofSeconds(30), Duration.ofSeconds(20), PRODUCER);
    // A round runs a lock-select, its publishing, a mark and an expiry one after the other.
    Duration worstRound = timing.publishBound().plus(timing.statementBound().multipliedBy(3));
    assertThat(worstRound).isLessThan(timing.roundTimeout());
    assertThat(timing.publishBound()).isEqualTo(Duration.ofSeconds(10));
    assertThat(timing.grace()).isEqualTo(Duration.ofSeconds(30));
  }
}
