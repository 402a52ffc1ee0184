package io.switchboard.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.platform.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderGateTest {
  private final ProviderGate gate =
      new ProviderGate(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), 0));

  @Test
  void aRoundInWhichEverySendFailedPutsTheProviderDown() {
    assertThat(gate.afterRound(0, 5)).isEqualTo(ProviderGate.Change.WENT_DOWN);
    assertThat(gate.down()).isTrue();
    assertThat(gate.probeDelay()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void probesAreSpacedFurtherWhileItStaysDownUpToTheCap() {
    gate.afterRound(0, 5);
    assertThat(gate.afterRound(0, 1)).isEqualTo(ProviderGate.Change.NONE);
    assertThat(gate.probeDelay()).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 20; i++) {
      gate.afterRound(0, 1);
    }
    assertThat(gate.probeDelay()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void oneDeliveryBringsItBack() {
    gate.afterRound(0, 5);
    gate.afterRound(0, 1);

    assertThat(gate.afterRound(1, 0)).isEqualTo(ProviderGate.Change.RECOVERED);
    assertThat(gate.down()).isFalse();
    assertThat(gate.afterRound(3, 0)).isEqualTo(ProviderGate.Change.NONE);
  }

  @Test
  void aRoundWithSomeDeliveriesDoesNotPutItDown() {
    assertThat(gate.afterRound(9, 1)).isEqualTo(ProviderGate.Change.NONE);
    assertThat(gate.down()).isFalse();
  }

  @Test
  void aRoundThatTriedNothingChangesNothing() {
    gate.afterRound(0, 1);

    assertThat(gate.afterRound(0, 0)).isEqualTo(ProviderGate.Change.NONE);
    assertThat(gate.down()).isTrue();
  }
}
