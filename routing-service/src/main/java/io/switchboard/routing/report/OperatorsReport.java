package io.switchboard.routing.report;

import io.switchboard.platform.report.Csv;
import io.switchboard.platform.report.ReportPeriod;
import java.time.Instant;
import java.util.List;

/** Per operator, the assignments made in the period and what became of them. */
public record OperatorsReport(
    Instant from, Instant to, String zone, List<OperatorFigures> operators) {

  public static OperatorsReport of(ReportPeriod period, List<OperatorFigures> figures) {
    return new OperatorsReport(
        period.from(),
        period.to(),
        period.zoneId(),
        figures.stream().map(OperatorFigures::rounded).toList());
  }

  public String csv() {
    Csv csv = Csv.withHeader(OperatorFigures.CSV_HEADER);
    operators.forEach(row -> row.addTo(csv));
    return csv.toString();
  }
}
