package io.switchboard.routing.report;

import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.Ratios;

/**
 * One operator's line of the operators report: the assignments they got in the period and what
 * became of them. Times are seconds from the assignment, 2 decimals; null when nothing to measure.
 *
 * @param name the operator's name in the directory now; null for an operator no longer in it
 * @param team the operator's team in the directory now, else the team they were assigned in
 * @param forwardedAway assignments forwarded to someone else because they were not accepted or not
 *     answered in time
 */
public record OperatorFigures(
    String operatorId,
    String name,
    String team,
    long assigned,
    long accepted,
    long resolved,
    long forwardedAway,
    Double firstReplyP50Seconds,
    Double firstReplyP90Seconds,
    Double resolutionP50Seconds) {
  static final String[] CSV_HEADER = {
    "operator_id",
    "name",
    "team",
    "assigned",
    "accepted",
    "resolved",
    "forwarded_away",
    "first_reply_p50_seconds",
    "first_reply_p90_seconds",
    "resolution_p50_seconds"
  };

  /** The same figures with the times rounded as every report rounds them. */
  OperatorFigures rounded() {
    return new OperatorFigures(
        operatorId,
        name,
        team,
        assigned,
        accepted,
        resolved,
        forwardedAway,
        Ratios.round(firstReplyP50Seconds, 2),
        Ratios.round(firstReplyP90Seconds, 2),
        Ratios.round(resolutionP50Seconds, 2));
  }

  void addTo(Csv csv) {
    csv.row(
        operatorId,
        name,
        team,
        assigned,
        accepted,
        resolved,
        forwardedAway,
        firstReplyP50Seconds,
        firstReplyP90Seconds,
        resolutionP50Seconds);
  }
}
