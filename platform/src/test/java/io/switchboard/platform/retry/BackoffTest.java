package io.switchboard.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void delaysDoubleUpToTheCeiling() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0);
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.delay(10)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(1_000)).as("no overflow").isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void jitterOnlyShortensAndNeverReachesZero() {
    Backoff backoff = new Backoff(Duration.ZERO, Duration.ofMillis(1), 1.0);
    for (int failures = 1; failures < 50; failures++) {
      assertThat(backoff.delay(failures)).isGreaterThanOrEqualTo(Duration.ofMillis(1));
    }
    Backoff jittered = new Backoff(Duration.ofMillis(400), Duration.ofSeconds(1), 0.5);
    for (int i = 0; i < 100; i++) {
      assertThat(jittered.delay(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
