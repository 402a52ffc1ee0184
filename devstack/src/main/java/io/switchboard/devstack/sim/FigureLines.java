package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.sim.TruthFigures.Tally;
import java.util.List;

/**
 * The comparison's lines, one figure each, and their tolerance rules: exact counts, counts the
 * timing settles only up to borderline answers, percentiles within the range the simulator's
 * request windows allow, averages to the report's two decimals. A figure outside its rule is a
 * mismatch, named with what every source said.
 */
/** Builds lines and names mismatches. */
record FigureLines(List<Comparison.Line> lines, List<String> mismatches) {
  /** Counts that must agree exactly; null sources have no such figure. */
  void exact(String scope, String figure, long sim, JsonNode report, Double metric, Long topics) {
    boolean ok = true;
    String r = "—";
    if (report != null) {
      r = report.isMissingNode() || report.isNull() ? "n/a" : report.asText();
      ok &= !report.isMissingNode() && !report.isNull() ? report.asLong() == sim : sim == 0;
    }
    String m = "—";
    if (metric != null) {
      m = Format.num(metric, 0);
      ok &= Math.round(metric) == sim;
    }
    String t = topics == null ? "—" : Long.toString(topics);
    ok &= topics == null || topics == sim;
    add(scope, figure, Long.toString(sim), r, m, t, ok);
  }

  void exact(String scope, String figure, long sim, JsonNode report, double metric, Long topics) {
    exact(scope, figure, sim, report, Double.valueOf(metric), topics);
  }

  void exact(String scope, String figure, long sim, JsonNode report, double metric, long topics) {
    exact(scope, figure, sim, report, Double.valueOf(metric), Long.valueOf(topics));
  }

  /** A count the timing decides up to {@code borderline} answers. */
  void range(
      String scope, String figure, long certain, long borderline, JsonNode report, Double metric) {
    boolean ok = true;
    String r = "—";
    if (report != null) {
      r = report.isMissingNode() || report.isNull() ? "n/a" : report.asText();
      long value = report.isMissingNode() || report.isNull() ? 0 : report.asLong();
      ok &= value >= certain && value <= certain + borderline;
    }
    String m = "—";
    if (metric != null) {
      m = Format.num(metric, 0);
      ok &= metric >= certain && metric <= certain + borderline;
    }
    add(
        scope,
        figure,
        certain + (borderline > 0 ? " (+" + borderline + " borderline)" : ""),
        r,
        m,
        "—",
        ok);
  }

  void range(
      String scope, String figure, long certain, long borderline, JsonNode report, double metric) {
    range(scope, figure, certain, borderline, report, Double.valueOf(metric));
  }

  void percentile(String scope, String figure, Tally t, double q, JsonNode report) {
    spread(scope, figure, t.firstResponse, q, report);
  }

  /** The system's percentile must lie in the range the simulator's windows allow. */
  boolean spread(String scope, String figure, Spread spread, double q, JsonNode report) {
    if (spread.count() == 0) {
      boolean ok = report.isMissingNode() || report.isNull();
      add(scope, figure, "n/a", ok ? "n/a" : report.asText(), "—", "—", ok);
      return ok;
    }
    double[] range = spread.interpolatedRange(q);
    boolean present = !report.isMissingNode() && !report.isNull();
    double value = present ? report.asDouble() : Double.NaN;
    boolean ok = present && value >= range[0] - 0.01 && value <= range[1] + 0.01;
    add(
        scope,
        figure,
        Format.num(spread.quantile(q), 1)
            + " ("
            + Format.num(range[0], 0)
            + ".."
            + Format.num(range[1], 0)
            + ")",
        present ? Format.num(value, 1) : "n/a",
        "—",
        "—",
        ok);
    return ok;
  }

  void average(String scope, String figure, int ratings, int sum, JsonNode report) {
    if (ratings == 0) {
      boolean ok = report.isMissingNode() || report.isNull();
      add(scope, figure, "n/a", ok ? "n/a" : report.asText(), "—", "—", ok);
      return;
    }
    double average = (double) sum / ratings;
    boolean present = !report.isMissingNode() && !report.isNull();
    boolean ok = present && Math.abs(report.asDouble() - average) <= 0.006;
    add(
        scope,
        figure,
        Format.num(average, 2),
        present ? Format.num(report.asDouble(), 2) : "n/a",
        "—",
        "—",
        ok);
  }

  private void add(
      String scope, String figure, String sim, String r, String m, String t, boolean ok) {
    lines.add(new Comparison.Line(scope, figure, sim, r, m, t, ok));
    if (!ok) {
      mismatches.add(
          scope
              + " "
              + figure
              + ": simulator "
              + sim
              + ", reports "
              + r
              + ", metrics "
              + m
              + ", topics "
              + t);
    }
  }
}
