package io.switchboard.notification.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.Channel;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FirstResponseTargetsTest {

  @Test
  void liveChannelsArePromisedFasterReplies() {
    assertThat(FirstResponseTargets.of(Channel.CHAT)).isEqualTo(Duration.ofMinutes(2));
    assertThat(FirstResponseTargets.of(Channel.PHONE)).isEqualTo(Duration.ofMinutes(15));
    assertThat(FirstResponseTargets.of(Channel.EMAIL)).isEqualTo(Duration.ofHours(1));
    assertThat(FirstResponseTargets.of(Channel.WEB_FORM)).isEqualTo(Duration.ofHours(1));
    assertThat(FirstResponseTargets.of(Channel.TELEGRAM)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void promiseCountsFromWhenTheCustomerWrote() {
    Instant received = Instant.parse("2026-11-23T10:00:00Z");
    assertThat(FirstResponseTargets.promisedBy(Channel.PHONE, received))
        .isEqualTo(Instant.parse("2026-11-23T10:15:00Z"));
  }
}
