package io.switchboard.devstack.sim;

import io.switchboard.devstack.report.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Durations known as windows: the system's moments lie somewhere inside the requests the simulator
 * timed, so each duration is a low and a high bound (seconds). Quantiles are given for the
 * midpoints, and as the range any system measurement inside the windows could produce.
 */
final class Spread {
  private final List<double[]> values = new ArrayList<>();

  synchronized void add(double low, double high) {
    values.add(new double[] {low, high});
  }

  synchronized int count() {
    return values.size();
  }

  /** Nearest-rank quantile of the midpoints: the simulator's own figure. */
  synchronized double quantile(double q) {
    long[] mids = new long[values.size()];
    for (int i = 0; i < mids.length; i++) {
      mids[i] = Math.round((values.get(i)[0] + values.get(i)[1]) * 500);
    }
    Arrays.sort(mids);
    return Quantiles.nearestRank(mids, q) / 1000.0;
  }

  /**
   * The interpolated quantile ({@code percentile_cont}) a system could report from whole seconds
   * counted anywhere inside the windows: {low, high}.
   */
  synchronized double[] interpolatedRange(double q) {
    double[] lows = new double[values.size()];
    double[] highs = new double[values.size()];
    for (int i = 0; i < lows.length; i++) {
      lows[i] = Math.floor(values.get(i)[0]);
      highs[i] = Math.ceil(values.get(i)[1]);
    }
    Arrays.sort(lows);
    Arrays.sort(highs);
    return new double[] {Quantiles.interpolated(lows, q), Quantiles.interpolated(highs, q)};
  }

  /** How many are certainly at most {@code limit} seconds, and how many possibly. */
  synchronized int[] atMost(double limit) {
    int certain = 0;
    int possible = 0;
    for (double[] v : values) {
      certain += v[1] <= limit ? 1 : 0;
      possible += Math.floor(v[0]) <= limit ? 1 : 0;
    }
    return new int[] {certain, possible};
  }
}
