package io.switchboard.notification.delivery;

import io.switchboard.platform.retry.Backoff;
import java.time.Duration;

/**
 * Whether one medium's provider looks down, seen from the rounds of its delivery lane: pure, no
 * I/O, one per lane (not thread-safe). A round in which every send failed transiently puts it down;
 * while down the lane sends one message per round (a probe), spaced by backoff, and keeps the rest
 * of the batch for later, so that a provider that is away for an hour is not hammered with its
 * whole backlog. The first delivery puts it up again: the lane then makes the backlog due at once.
 */
final class ProviderGate {
  /** What a round's outcome did to the gate. */
  enum Change {
    NONE,
    WENT_DOWN,
    RECOVERED
  }

  private final Backoff backoff;
  private int failedRounds;

  ProviderGate(Backoff backoff) {
    this.backoff = backoff;
  }

  boolean down() {
    return failedRounds > 0;
  }

  /**
   * @param delivered messages the provider took (or refused for good: it answered)
   * @param failed sends that failed transiently
   */
  Change afterRound(int delivered, int failed) {
    if (delivered > 0) {
      boolean wasDown = down();
      failedRounds = 0;
      return wasDown ? Change.RECOVERED : Change.NONE;
    }
    if (failed > 0) {
      failedRounds++;
      return failedRounds == 1 ? Change.WENT_DOWN : Change.NONE;
    }
    return Change.NONE;
  }

  /** How long to wait before the next probe while down. */
  Duration probeDelay() {
    return backoff.delay(failedRounds);
  }
}
