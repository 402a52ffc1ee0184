package io.switchboard.sla.report;

import io.switchboard.platform.report.Ratios;

/**
 * One channel's line of the SLA report, or the total line ({@code channel = "TOTAL"}). Shares are
 * fractions of the channel's inquiries; compliance is met / stopped clocks in percent; times are
 * counted seconds (business time where the rule uses a calendar).
 *
 * @param unansweredShare unanswered / inquiries, null without inquiries
 * @param lateShare answered late / inquiries, null without inquiries
 * @param firstResponseCompliance percent of stopped first-response clocks that met their target
 * @param resolutionCompliance percent of stopped resolution clocks that met their target
 */
public record SlaReportRow(
    String channel,
    long inquiries,
    long answered,
    long unanswered,
    Double unansweredShare,
    long answeredLate,
    Double lateShare,
    Double firstResponseCompliance,
    Double resolutionCompliance,
    Double firstResponseP50Seconds,
    Double firstResponseP90Seconds,
    Double resolutionP50Seconds,
    Double resolutionP90Seconds) {
  public static final String TOTAL = "TOTAL";

  static final String[] CSV_HEADER = {
    "channel",
    "inquiries",
    "answered",
    "unanswered",
    "unanswered_share",
    "answered_late",
    "late_share",
    "first_response_compliance_pct",
    "resolution_compliance_pct",
    "first_response_p50_seconds",
    "first_response_p90_seconds",
    "resolution_p50_seconds",
    "resolution_p90_seconds"
  };

  public static SlaReportRow of(SlaFigures f) {
    long unanswered = f.inquiries() - f.answered();
    return new SlaReportRow(
        f.channel() == null ? TOTAL : f.channel(),
        f.inquiries(),
        f.answered(),
        unanswered,
        Ratios.share(unanswered, f.inquiries()),
        f.answeredLate(),
        Ratios.share(f.answeredLate(), f.inquiries()),
        Ratios.percent(f.answered() - f.answeredLate(), f.answered()),
        Ratios.percent(f.resolutionsMet(), f.resolutionsStopped()),
        Ratios.round(f.firstResponseP50(), 2),
        Ratios.round(f.firstResponseP90(), 2),
        Ratios.round(f.resolutionP50(), 2),
        Ratios.round(f.resolutionP90(), 2));
  }

  Object[] csvFields() {
    return new Object[] {
      channel,
      inquiries,
      answered,
      unanswered,
      unansweredShare,
      answeredLate,
      lateShare,
      firstResponseCompliance,
      resolutionCompliance,
      firstResponseP50Seconds,
      firstResponseP90Seconds,
      resolutionP50Seconds,
      resolutionP90Seconds
    };
  }
}
