package io.switchboard.platform.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @Test
  void datesCoverWholeDaysInUtcByDefault() {
    ReportPeriod period = ReportPeriod.parse("2026-03-01", "2026-03-31", null);

    assertThat(period.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(period.to()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertThat(period.zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void datesStartAtMidnightOfTheGivenZone() {
    ReportPeriod period = ReportPeriod.parse("2026-03-02", "2026-03-02", "Europe/Moscow");

    assertThat(period.from()).isEqualTo(Instant.parse("2026-03-01T21:00:00Z"));
    assertThat(period.to()).isEqualTo(Instant.parse("2026-03-02T21:00:00Z"));
    assertThat(period.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
  }

  @Test
  void instantsAreTakenAsGiven() {
    ReportPeriod period =
        ReportPeriod.parse("2026-03-02T09:00:00Z", "2026-03-02T12:00:00+03:00", "Asia/Tokyo");

    assertThat(period.from()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(period.to()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
  }

  @Test
  void reportsEveryBadParameterAtOnce() {
    InvalidReportRequest refused =
        catchThrowableOfType(
            InvalidReportRequest.class,
            () -> ReportPeriod.parse(null, "yesterday", "Mars/Olympus"));

    assertThat(refused.errors())
        .extracting(InvalidReportRequest.FieldError::field)
        .containsExactly("zone", "from", "to");
  }

  @Test
  void refusesAPeriodEndingBeforeItStarts() {
    InvalidReportRequest refused =
        catchThrowableOfType(
            InvalidReportRequest.class, () -> ReportPeriod.parse("2026-03-02", "2026-03-01", null));

    assertThat(refused.errors())
        .containsExactly(new InvalidReportRequest.FieldError("to", "must not be before from"));
  }
}
