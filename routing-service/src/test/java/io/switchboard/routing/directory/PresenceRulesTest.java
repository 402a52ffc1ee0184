package io.switchboard.routing.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceRulesTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(5);

  @Test
  void onlineOperatorIdleBeyondTheTimeoutReadsAsAway() {
    assertThat(PresenceRules.effective(Presence.ONLINE, NOW.minusSeconds(299), NOW, IDLE))
        .isEqualTo(Presence.ONLINE);
    assertThat(PresenceRules.effective(Presence.ONLINE, NOW.minusSeconds(301), NOW, IDLE))
        .isEqualTo(Presence.AWAY);
    assertThat(PresenceRules.effective(Presence.OFFLINE, NOW, NOW, IDLE))
        .isEqualTo(Presence.OFFLINE);
  }

  @Test
  void dutyOperatorsArePresentWithoutLoggingIn() {
    Operator duty = new Operator();
    duty.alwaysPresent = true;
    duty.presence = Presence.OFFLINE;
    assertThat(PresenceRules.isPresent(duty, NOW, IDLE)).isTrue();
    Operator regular = new Operator();
    regular.presence = Presence.OFFLINE;
    assertThat(PresenceRules.isPresent(regular, NOW, IDLE)).isFalse();
  }
}
