package io.switchboard.notification.delivery;

import java.time.Instant;

/**
 * Instants as the ledger's native queries return them: epoch microseconds, plain numbers that read
 * the same whatever the driver maps {@code timestamptz} to.
 */
final class EpochMicros {
  /** The SQL that turns a {@code timestamptz} column into what {@link #instant} reads. */
  static String of(String column) {
    return "cast(extract(epoch from " + column + ") * 1000000 as bigint)";
  }

  static Instant instant(Object micros) {
    long value = ((Number) micros).longValue();
    return Instant.ofEpochSecond(
        Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000);
  }

  private EpochMicros() {}
}
