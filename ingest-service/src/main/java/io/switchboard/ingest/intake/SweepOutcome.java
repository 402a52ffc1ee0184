package io.switchboard.ingest.intake;

import java.util.Locale;

/**
 * What the sweeper did with a row, the {@code outcome} tag of {@code
 * switchboard.ingest.intake.swept}.
 */
public enum SweepOutcome {
  /** A PENDING row past its grace period, published and marked PUBLISHED. */
  PUBLISHED,
  /** A PENDING row past its grace period the broker did not acknowledge; retried next round. */
  FAILED,
  /** A REFUSED row past its retention, deleted. */
  EXPIRED;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
