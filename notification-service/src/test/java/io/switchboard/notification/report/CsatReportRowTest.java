package io.switchboard.notification.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CsatReportRowTest {

  @Test
  void csatIsTheShareOfFoursAndFivesAndTheAverageHasTwoDecimals() {
    CsatReportRow row =
        CsatReportRow.of(
            new CsatFigures(
                CsatFigures.Group.OPERATOR, "anna", 6, 22.0 / 6, new long[] {0, 1, 1, 3, 1}));

    assertThat(row.averageScore()).isEqualTo(3.67);
    assertThat(row.csatPercent()).isEqualTo(66.67);
    assertThat(row.distribution())
        .containsExactly(
            Map.entry("1", 0L),
            Map.entry("2", 1L),
            Map.entry("3", 1L),
            Map.entry("4", 3L),
            Map.entry("5", 1L));
  }

  @Test
  void noRatingsGiveNoAverageAndNoCsat() {
    CsatReportRow row =
        CsatReportRow.of(new CsatFigures(CsatFigures.Group.TOTAL, null, 0, null, new long[5]));

    assertThat(row.averageScore()).isNull();
    assertThat(row.csatPercent()).isNull();
  }
}
