package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.util.List;

/** The report's closing table: one row per step that ran. */
final class RunSummary {
  private static final String ROW = "  %-34s %10s %10s %10s %10s %10s %12s %10s %8s";

  private RunSummary() {}

  static void print(Report report, List<StepResult> results) {
    report.line("");
    report.line("Summary");
    report.line(
        String.format(
            ROW,
            "step",
            "accepted",
            "published",
            "routed",
            "acked",
            "HTTP p99",
            "→routed p99",
            "→ack p99",
            "routing"));
    for (StepResult r : results) {
      PipelineTracker.Outcome p = r.pipeline();
      report.line(
          String.format(
              ROW,
              r.shortName(),
              Format.rate(r.acceptedPerSecond()),
              Format.rate(r.publishedPerSecond()),
              p == null ? "–" : Format.rate(r.routedPerSecond()),
              p == null ? "–" : Format.rate(r.acknowledgedPerSecond()),
              Format.ms(r.http().httpMs().p99()),
              p == null ? "–" : Format.ms(p.toRouted().p99()),
              p == null ? "–" : Format.ms(p.toAcknowledged().p99()),
              p == null ? "–" : Format.num(r.statementsPerInquiry("routing"), 2)));
    }
    report.line(
        "  (accepted: 202s per second of load; published: inquiry-received records per second of"
            + " load; routed, acked: from the first request to the last; routing: its DB"
            + " statements per inquiry)");
  }
}
