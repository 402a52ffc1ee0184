package io.switchboard.sla.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlaReportRowTest {

  @Test
  void sharesAreOfTheChannelsInquiriesAndComplianceOfStoppedClocks() {
    SlaReportRow row =
        SlaReportRow.of(new SlaFigures("CHAT", 10, 8, 2, 3, 2, 75.0, 111.0, 1200.0, 3120.0));

    assertThat(row.unanswered()).isEqualTo(2);
    assertThat(row.unansweredShare()).isEqualTo(0.2);
    assertThat(row.lateShare()).isEqualTo(0.2);
    assertThat(row.firstResponseCompliance()).isEqualTo(75.0);
    assertThat(row.resolutionCompliance()).isEqualTo(66.67);
  }

  @Test
  void aRowWithoutChannelIsTheTotalAndEmptyFiguresAreNull() {
    SlaReportRow row = SlaReportRow.of(new SlaFigures(null, 0, 0, 0, 0, 0, null, null, null, null));

    assertThat(row.channel()).isEqualTo(SlaReportRow.TOTAL);
    assertThat(row.unansweredShare()).isNull();
    assertThat(row.firstResponseCompliance()).isNull();
    assertThat(row.resolutionCompliance()).isNull();
    assertThat(row.firstResponseP50Seconds()).isNull();
  }

  @Test
  void percentilesAreRoundedToHundredths() {
    SlaReportRow row =
        SlaReportRow.of(new SlaFigures("EMAIL", 3, 3, 0, 0, 0, 10.0 / 3, 2.0 / 3, null, null));

    assertThat(row.firstResponseP50Seconds()).isEqualTo(3.33);
    assertThat(row.firstResponseP90Seconds()).isEqualTo(0.67);
  }
}
