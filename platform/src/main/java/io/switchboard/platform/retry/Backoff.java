package io.switchboard.platform.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter and a ceiling. Never answers less than one millisecond: a
 * zero-length timer is refused by some schedulers and would leave the retry hanging.
 *
 * @param initial the delay before the second attempt
 * @param max the longest delay, however many attempts failed
 * @param jitter the fraction (0..1) by which a delay may randomly shrink, so that many retries that
 *     failed together do not all come back at once
 */
public record Backoff(Duration initial, Duration max, double jitter) {
  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0 || jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException("invalid backoff " + initial + ".." + max + " ±" + jitter);
    }
  }

  /** The delay after {@code failures} failed attempts (1 = the first failure). */
  public Duration delay(int failures) {
    long ceiling = max.toMillis();
    long base = initial.toMillis();
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    long exponential = base << doublings;
    long capped = exponential < 0 || exponential > ceiling ? ceiling : exponential;
    long jittered = capped - (long) (capped * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(Math.max(1, jittered));
  }
}
