package io.switchboard.notification.delivery;

import io.switchboard.platform.retry.Backoff;
import java.time.Duration;
import java.time.Instant;

/**
 * What becomes of a message whose send failed: pure, no I/O. A transient failure is retried with
 * exponential backoff and jitter until the message is {@code maxAge} past its due time, the last
 * attempt placed at that age rather than beyond it; a rejection, or a failure at that age, gives it
 * up.
 */
public record RetryPolicy(Backoff backoff, Duration maxAge) {

  /** Try again at {@code at}, or give up ({@code at} null). */
  public record Decision(Instant at) {
    public boolean givesUp() {
      return at == null;
    }
  }

  /** Whether a message due at {@code dueAt} is past its maximum age at {@code now}. */
  public boolean expired(Instant dueAt, Instant now) {
    return !now.isBefore(dueAt.plus(maxAge));
  }

  /**
   * @param attempts sends made so far, the failed one included
   * @param dueAt when the message was first due
   * @param rejected the provider refused it for good
   */
  public Decision afterFailure(int attempts, Instant dueAt, Instant now, boolean rejected) {
    Instant deadline = dueAt.plus(maxAge);
    if (rejected || !now.isBefore(deadline)) {
      return new Decision(null);
    }
    Instant next = now.plus(backoff.delay(attempts));
    return new Decision(next.isAfter(deadline) ? deadline : next);
  }
}
