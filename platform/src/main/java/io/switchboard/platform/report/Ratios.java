package io.switchboard.platform.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How reports round: shares as fractions with 4 decimals, percentages with 2, seconds and averages
 * with 2, half up. A figure over nothing (no inquiries, no ratings) is null, never 0.
 */
public final class Ratios {
  private Ratios() {}

  /** {@code part / whole}, e.g. 2 of 10 → 0.2. */
  public static Double share(long part, long whole) {
    return whole == 0 ? null : round((double) part / whole, 4);
  }

  /** {@code 100 * part / whole}, e.g. 3 of 4 → 75.0. */
  public static Double percent(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole, 2);
  }

  /** Rounds half up to {@code scale} decimals; null stays null. */
  public static Double round(Double value, int scale) {
    return value == null
        ? null
        : BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
  }
}
