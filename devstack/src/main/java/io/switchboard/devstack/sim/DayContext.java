package io.switchboard.devstack.sim;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * What every actor of the day shares: the settings, the clock and scheduler, the doors into the
 * system, the simulator's ground truth and the system's trail.
 *
 * @param run this run's id, part of every customer address and message id
 */
record DayContext(
    SimOptions options,
    String run,
    SimClock clock,
    DayScheduler scheduler,
    IngestDoor door,
    StaffApi api,
    GroundTruth truth,
    SystemTrail trail,
    Roster roster) {

  /**
   * The dice for one decision about one arrival: seeded by the run's seed, the arrival and what is
   * decided, so a decision does not depend on the order in which events happened to come.
   */
  SplittableRandom dice(int seq, String decision) {
    return new SplittableRandom(options.seed() * 1_000_003L + seq * 7_919L + decision.hashCode());
  }

  /** A simulated duration between {@code min} and {@code max} seconds. */
  static Duration between(SplittableRandom dice, long minSeconds, long maxSeconds) {
    return Duration.ofMillis(dice.nextLong(minSeconds * 1000, maxSeconds * 1000 + 1));
  }
}
