package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Quantiles;
import java.util.Arrays;

/** Exact percentiles (nearest rank) over every value of a step, not a sample or a histogram. */
record Percentiles(int count, double p50, double p99, double p999, double max) {
  static final Percentiles NONE = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, 0);

  static Percentiles of(long[] values) {
    if (values.length == 0) {
      return NONE;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Percentiles(
        sorted.length,
        Quantiles.nearestRank(sorted, 0.50),
        Quantiles.nearestRank(sorted, 0.99),
        Quantiles.nearestRank(sorted, 0.999),
        sorted[sorted.length - 1]);
  }

  /** {@code p50 12 ms p99 80 ms p999 140 ms max 151 ms}, values given in milliseconds. */
  String millis() {
    if (count == 0) {
      return "n/a (no values)";
    }
    return "p50 "
        + Format.ms(p50)
        + "  p99 "
        + Format.ms(p99)
        + "  p999 "
        + Format.ms(p999)
        + "  max "
        + Format.ms(max);
  }
}
