package io.switchboard.ingest.intake;

import java.time.Duration;

/**
 * The sweeper's time bounds, derived from its settings, and the settings it refuses to start with.
 *
 * @param grace how old a PENDING row must be before the sweeper publishes it
 * @param roundTimeout the longest a round may take
 */
public record SweepTiming(Duration grace, Duration roundTimeout) {

  /**
   * @param producerBound the longest a request waits for the broker: the inbound producer's {@code
   *     max.block.ms} plus {@code delivery.timeout.ms}
   * @throws IllegalArgumentException when a request could still be publishing a row the sweeper
   *     takes, or a bound is not positive
   */
  public static SweepTiming checked(Duration grace, Duration roundTimeout, Duration producerBound) {
    if (roundTimeout.isNegative() || roundTimeout.isZero()) {
      throw new IllegalArgumentException(
          "ingest.intake.sweep.round-timeout must be positive, not " + roundTimeout);
    }
    if (grace.compareTo(producerBound) <= 0) {
      throw new IllegalArgumentException(
          "ingest.intake.pending-grace ("
              + grace
              + ") must be longer than the inquiries-inbound producer's max.block.ms plus"
              + " delivery.timeout.ms ("
              + producerBound
              + "): the sweeper would publish rows whose request is still waiting for the broker,"
              + " and a request that then hears a refusal would answer 503 for a published inquiry");
    }
    return new SweepTiming(grace, roundTimeout);
  }

  /**
   * How long a round waits for the broker; a publish not acknowledged by then is retried next round
   * (the broker may still write it: a duplicate with the same event id, which consumers drop).
   */
  public Duration publishBound() {
    return roundTimeout.dividedBy(2);
  }

  /**
   * How long each of a round's database statements may run, so that a round's lock-select, its mark
   * and its expiry together with the publishing stay inside the round timeout.
   */
  public Duration statementBound() {
    return roundTimeout.dividedBy(10);
  }
}
