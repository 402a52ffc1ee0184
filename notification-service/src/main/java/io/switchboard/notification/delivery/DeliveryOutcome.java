package io.switchboard.notification.delivery;

import java.time.Instant;

/**
 * What became of one claimed row in a round.
 *
 * @param nextAttemptAt when a row going back to the queue is due again; null otherwise
 * @param failure the masked reason of a failure (for FAILED, the reason it was given up)
 * @param providerAnswered the provider took the message or refused it for good: it is up
 * @param tried this round sent it (its claim counts as an attempt)
 */
public record DeliveryOutcome(
    ClaimedDelivery row,
    Result result,
    Instant nextAttemptAt,
    String failure,
    boolean providerAnswered,
    boolean tried) {

  public enum Result {
    /** The provider took it. */
    SENT,
    /** The send failed and may succeed later. */
    RETRY,
    /** Given up: rejected, or still failing at the maximum age. */
    FAILED,
    /** Not sent in this round (its provider looked down, or the lease was running out). */
    NOT_TRIED
  }

  static DeliveryOutcome sent(ClaimedDelivery row) {
    return new DeliveryOutcome(row, Result.SENT, null, null, true, true);
  }

  static DeliveryOutcome retry(ClaimedDelivery row, Instant at, String failure) {
    return new DeliveryOutcome(row, Result.RETRY, at, failure, false, true);
  }

  static DeliveryOutcome failed(ClaimedDelivery row, String reason, boolean providerAnswered) {
    return new DeliveryOutcome(row, Result.FAILED, null, reason, providerAnswered, true);
  }

  /** Given up without sending it this round: it is past its maximum age. */
  static DeliveryOutcome expired(ClaimedDelivery row, String reason) {
    return new DeliveryOutcome(row, Result.FAILED, null, reason, false, false);
  }

  static DeliveryOutcome notTried(ClaimedDelivery row, Instant at, String why) {
    return new DeliveryOutcome(row, Result.NOT_TRIED, at, why, false, false);
  }

  /** Sends of this row so far. */
  public int attempts() {
    return tried ? row.attempts() : row.attempts() - 1;
  }
}
