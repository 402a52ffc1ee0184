package io.switchboard.notification.report;

import io.switchboard.platform.report.Ratios;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the CSAT report.
 *
 * @param key the channel or operator id; null in the total and for unassigned inquiries
 * @param averageScore the mean score, 2 decimals
 * @param csatPercent the share of ratings of 4 or 5, in percent with 2 decimals
 * @param distribution the number of ratings per score, "1" to "5"
 */
public record CsatReportRow(
    String key,
    long responses,
    Double averageScore,
    Double csatPercent,
    Map<String, Long> distribution) {
  static final String[] CSV_HEADER = {
    "group",
    "key",
    "responses",
    "average_score",
    "csat_pct",
    "score_1",
    "score_2",
    "score_3",
    "score_4",
    "score_5"
  };

  public static CsatReportRow of(CsatFigures f) {
    Map<String, Long> distribution = new LinkedHashMap<>();
    for (int score = 1; score <= 5; score++) {
      distribution.put(Integer.toString(score), f.scores()[score - 1]);
    }
    long satisfied = f.scores()[3] + f.scores()[4];
    return new CsatReportRow(
        f.key(),
        f.responses(),
        Ratios.round(f.average(), 2),
        Ratios.percent(satisfied, f.responses()),
        distribution);
  }

  Object[] csvFields(String group) {
    return new Object[] {
      group,
      key,
      responses,
      averageScore,
      csatPercent,
      distribution.get("1"),
      distribution.get("2"),
      distribution.get("3"),
      distribution.get("4"),
      distribution.get("5")
    };
  }
}
