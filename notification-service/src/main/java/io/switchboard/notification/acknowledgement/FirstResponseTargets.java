package io.switchboard.notification.acknowledgement;

import io.switchboard.contracts.Channel;
import java.time.Duration;
import java.time.Instant;

/**
 * How soon a customer may expect the first reply, by channel: pure, no I/O. Defaults only, until
 * sla-service's {@code ClockStarted} due time replaces them.
 */
public final class FirstResponseTargets {
  private FirstResponseTargets() {}

  // No default branch: a new channel must decide its own promise instead of inheriting one.
  public static Duration of(Channel channel) {
    return switch (channel) {
      case CHAT -> Duration.ofMinutes(2);
      case PHONE -> Duration.ofMinutes(15);
      case EMAIL, WEB_FORM, TELEGRAM -> Duration.ofHours(1);
    };
  }

  /** Counted from when the customer wrote, not from when we got round to acknowledging it. */
  public static Instant promisedBy(Channel channel, Instant receivedAt) {
    return receivedAt.plus(of(channel));
  }
}
