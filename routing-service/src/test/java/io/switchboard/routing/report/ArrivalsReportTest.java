package io.switchboard.routing.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.platform.report.ReportPeriod;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalsReportTest {
  private static final ReportPeriod WEEK = ReportPeriod.parse("2026-03-02", "2026-03-08", null);

  @Test
  void fillsTheMatrixAndItsTotals() {
    ArrivalsReport report =
        ArrivalsReport.of(
            WEEK,
            "CHAT",
            List.of(
                new ArrivalCount(1, 9, 3), new ArrivalCount(1, 10, 2), new ArrivalCount(7, 23, 1)));

    assertThat(report.weekdays()).containsExactly("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    assertThat(report.counts()[0][9]).isEqualTo(3);
    assertThat(report.counts()[0][10]).isEqualTo(2);
    assertThat(report.counts()[6][23]).isEqualTo(1);
    assertThat(report.weekdayTotals()).containsExactly(5, 0, 0, 0, 0, 0, 1);
    assertThat(report.hourTotals()[9]).isEqualTo(3);
    assertThat(report.hourTotals()[23]).isEqualTo(1);
    assertThat(report.total()).isEqualTo(6);
  }

  @Test
  void csvHasEveryCellMondayMidnightFirst() {
    String[] lines =
        ArrivalsReport.of(WEEK, null, List.of(new ArrivalCount(2, 8, 4))).csv().split("\r\n");

    assertThat(lines).hasSize(1 + 7 * 24);
    assertThat(lines[0]).isEqualTo("weekday,hour,count");
    assertThat(lines[1]).isEqualTo("MON,0,0");
    assertThat(lines[1 + 24 + 8]).isEqualTo("TUE,8,4");
    assertThat(lines[7 * 24]).isEqualTo("SUN,23,0");
  }
}
