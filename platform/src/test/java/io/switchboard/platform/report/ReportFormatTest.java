package io.switchboard.platform.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

  @Test
  void jsonWhenNothingOrAnythingIsAsked() {
    assertThat(ReportFormat.preferred(null)).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.preferred("*/*")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.preferred("application/json")).isEqualTo(ReportFormat.JSON);
  }

  @Test
  void csvWhenAskedFirstOrRankedHigher() {
    assertThat(ReportFormat.preferred("text/csv")).isEqualTo(ReportFormat.CSV);
    assertThat(ReportFormat.preferred("text/csv, application/json")).isEqualTo(ReportFormat.CSV);
    assertThat(ReportFormat.preferred("application/json;q=0.5, text/csv"))
        .isEqualTo(ReportFormat.CSV);
    assertThat(ReportFormat.preferred("text/*;q=0.9, */*;q=0.1")).isEqualTo(ReportFormat.CSV);
  }

  @Test
  void refusedOrRankedLowerCsvGivesJson() {
    assertThat(ReportFormat.preferred("text/csv;q=0, */*")).isEqualTo(ReportFormat.JSON);
    assertThat(ReportFormat.preferred("text/csv;q=0.2, application/json;q=0.8"))
        .isEqualTo(ReportFormat.JSON);
  }
}
