package io.switchboard.sla.report;

import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.ReportPeriod;
import java.time.Instant;
import java.util.List;

/** The SLA report of a period: one row per channel with clocks in it, and the total. */
public record SlaReport(
    Instant from, Instant to, String zone, List<SlaReportRow> channels, SlaReportRow total) {

  /** Builds the report from the database's rows, the total among them. */
  public static SlaReport of(ReportPeriod period, List<SlaFigures> figures) {
    List<SlaReportRow> channels =
        figures.stream().filter(f -> f.channel() != null).map(SlaReportRow::of).toList();
    SlaReportRow total =
        figures.stream()
            .filter(f -> f.channel() == null)
            .findFirst()
            .map(SlaReportRow::of)
            .orElseGet(
                () -> SlaReportRow.of(new SlaFigures(null, 0, 0, 0, 0, 0, null, null, null, null)));
    return new SlaReport(period.from(), period.to(), period.zoneId(), channels, total);
  }

  /** The channels' rows, then the total row. */
  public String csv() {
    Csv csv = Csv.withHeader(SlaReportRow.CSV_HEADER);
    channels.forEach(row -> csv.row(row.csvFields()));
    csv.row(total.csvFields());
    return csv.toString();
  }
}
