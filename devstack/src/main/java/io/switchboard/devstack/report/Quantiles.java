package io.switchboard.devstack.report;

/** Quantiles of every value of a run, not of a sample or a histogram. */
public final class Quantiles {
  private Quantiles() {}

  /** The value at rank ⌈q·n⌉ of {@code sorted}; NaN when empty. */
  public static double nearestRank(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /**
   * {@code percentile_cont(q)}, PostgreSQL's interpolated quantile, which the supervisor reports
   * use: lets a figure be recomputed the way the system computed it. NaN when empty.
   */
  public static double interpolated(double[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = quantile * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = (int) Math.ceil(position);
    return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
  }
}
