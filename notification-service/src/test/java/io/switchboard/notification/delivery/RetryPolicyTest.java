package io.switchboard.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.platform.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static final Instant DUE = Instant.parse("2026-11-24T08:19:00Z");
  // No jitter: the delays are exact.
  private final RetryPolicy policy =
      new RetryPolicy(
          new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0), Duration.ofHours(24));

  @Test
  void aTransientFailureIsRetriedWithExponentialBackoff() {
    Instant now = DUE.plusSeconds(5);

    assertThat(policy.afterFailure(1, DUE, now, false).at()).isEqualTo(now.plusSeconds(1));
    assertThat(policy.afterFailure(2, DUE, now, false).at()).isEqualTo(now.plusSeconds(2));
    assertThat(policy.afterFailure(4, DUE, now, false).at()).isEqualTo(now.plusSeconds(8));
  }

  @Test
  void theDelayIsCapped() {
    Instant now = DUE.plusSeconds(600);

    assertThat(policy.afterFailure(30, DUE, now, false).at()).isEqualTo(now.plusSeconds(60));
  }

  @Test
  void aProviderDownForAnHourIsStillRetried() {
    Instant anHourLater = DUE.plus(Duration.ofHours(1));

    RetryPolicy.Decision decision = policy.afterFailure(70, DUE, anHourLater, false);

    assertThat(decision.givesUp()).isFalse();
    assertThat(decision.at()).isEqualTo(anHourLater.plusSeconds(60));
  }

  @Test
  void theLastAttemptIsPlacedAtTheMaximumAgeNotBeyondIt() {
    Instant almost = DUE.plus(Duration.ofHours(24)).minusSeconds(10);

    assertThat(policy.afterFailure(90, DUE, almost, false).at())
        .isEqualTo(DUE.plus(Duration.ofHours(24)));
  }

  @Test
  void aFailureAtTheMaximumAgeGivesUp() {
    Instant tooOld = DUE.plus(Duration.ofHours(24));

    assertThat(policy.afterFailure(91, DUE, tooOld, false).givesUp()).isTrue();
    assertThat(policy.expired(DUE, tooOld)).isTrue();
    assertThat(policy.expired(DUE, tooOld.minusMillis(1))).isFalse();
  }

  @Test
  void aRejectionGivesUpAtOnce() {
    assertThat(policy.afterFailure(1, DUE, DUE, true).givesUp()).isTrue();
  }

  @Test
  void jitterOnlyShortensTheDelay() {
    RetryPolicy jittered =
        new RetryPolicy(
            new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0.3), Duration.ofHours(24));
    Instant now = DUE.plusSeconds(5);

    for (int i = 0; i < 100; i++) {
      assertThat(jittered.afterFailure(3, DUE, now, false).at())
          .isBetween(now.plusMillis(2800), now.plusSeconds(4));
    }
  }
}
