package io.switchboard.notification.report;

import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.ReportPeriod;
import java.time.Instant;
import java.util.List;

/** Ratings received in a period, per channel, per operator and in total. */
public record CsatReport(
    Instant from,
    Instant to,
    String zone,
    List<CsatReportRow> channels,
    List<CsatReportRow> operators,
    CsatReportRow total) {

  public static CsatReport of(ReportPeriod period, List<CsatFigures> figures) {
    return new CsatReport(
        period.from(),
        period.to(),
        period.zoneId(),
        rows(figures, CsatFigures.Group.CHANNEL),
        rows(figures, CsatFigures.Group.OPERATOR),
        figures.stream()
            .filter(f -> f.group() == CsatFigures.Group.TOTAL)
            .findFirst()
            .map(CsatReportRow::of)
            .orElseGet(
                () ->
                    CsatReportRow.of(
                        new CsatFigures(CsatFigures.Group.TOTAL, null, 0, null, new long[5]))));
  }

  /** Channel rows, operator rows, then the total; the first column names the grouping. */
  public String csv() {
    Csv csv = Csv.withHeader(CsatReportRow.CSV_HEADER);
    channels.forEach(row -> csv.row(row.csvFields("channel")));
    operators.forEach(row -> csv.row(row.csvFields("operator")));
    csv.row(total.csvFields("total"));
    return csv.toString();
  }

  private static List<CsatReportRow> rows(List<CsatFigures> figures, CsatFigures.Group group) {
    return figures.stream().filter(f -> f.group() == group).map(CsatReportRow::of).toList();
  }
}
