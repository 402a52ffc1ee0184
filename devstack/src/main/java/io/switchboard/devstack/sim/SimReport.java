package io.switchboard.devstack.sim;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import io.switchboard.devstack.sim.Comparison.Line;
import io.switchboard.devstack.sim.TruthFigures.OperatorTally;
import io.switchboard.devstack.sim.TruthFigures.Tally;
import io.switchboard.devstack.sim.Verdict.Finding;
import io.switchboard.devstack.sim.Verdict.Rule;
import java.util.List;
import java.util.Map;

/**
 * The report's body after the day: what was sent, the ground truth, the system's figures beside it,
 * every mismatch, the findings by rule, the notes and the tolerance rules applied.
 */
final class SimReport {
  /** Sections every report has, in order; the end-to-end test checks for them. */
  static final List<String> SECTIONS =
      List.of(
          "Traffic",
          "Ground truth (the simulator's own figures)",
          "The system's figures beside the simulator's",
          "Mismatches",
          "Findings",
          "Notes",
          "Tolerance rules");

  private SimReport() {}

  static void write(
      Report report,
      SimOptions options,
      SimClock clock,
      GroundTruth truth,
      SystemTrail trail,
      TruthFigures figures,
      Comparison comparison,
      Verdict verdict,
      Settling settled,
      int mailRead,
      Map<String, Integer> refusals,
      Map<String, String> problems,
      DayScheduler scheduler,
      int dropped) {
    report.line(SECTIONS.get(0));
    truth.actions().forEach((action, n) -> report.line(String.format("  %-52s %d", action, n)));
    report.line(
        String.format(
            "  %-52s %s",
            "refused requests (retried ones included)", refusals.isEmpty() ? "none" : refusals));
    report.line(
        String.format(
            "  %-52s %s",
            "customer mail read from the mail server", mailRead < 0 ? "not read" : mailRead));
    report.line(
        String.format(
            "  %-52s %d%s",
            "simulator actions that failed",
            scheduler.failed(),
            scheduler.lastFailure() == null ? "" : " (last: " + scheduler.lastFailure() + ")"));
    report.line(
        String.format(
            "  %-52s %d",
            "simulator actions still planned when the drain ended (dropped)", dropped));
    report.line(
        String.format(
            "  %-52s %d s",
            "the system showed the day's work after", settled.waited().toSeconds()));
    report.line("");
    groundTruth(report, clock, figures, verdict);
    report.line(SECTIONS.get(2));
    for (String line : Pipeline.lines(truth, trail)) {
      report.line("  " + line);
    }
    report.line(
        String.format(
            "  %-9s %-44s %-22s %-10s %-10s %-8s %s",
            "scope", "figure", "simulator", "reports", "metrics", "topics", ""));
    for (Line line : comparison.lines()) {
      report.line(
          String.format(
              "  %-9s %-44s %-22s %-10s %-10s %-8s %s",
              line.scope(),
              line.figure(),
              line.simulator(),
              line.reports(),
              line.metrics(),
              line.topics(),
              line.ok() ? "ok" : "MISMATCH"));
    }
    report.line("");
    report.line(SECTIONS.get(3) + " (" + comparison.mismatches().size() + ")");
    if (comparison.mismatches().isEmpty()) {
      report.line("  none");
    }
    comparison.mismatches().forEach(m -> report.line("  - " + m));
    report.line("");
    report.line(SECTIONS.get(4) + " (" + verdict.findings().size() + "; each fails the run)");
    for (Rule rule : Rule.values()) {
      List<Finding> found = verdict.findings().stream().filter(f -> f.rule() == rule).toList();
      report.line(String.format("  %-70s %s", rule.title, found.isEmpty() ? "none" : found.size()));
      found.stream().limit(25).forEach(f -> report.line("    - " + f.subject() + ": " + f.text()));
      if (found.size() > 25) {
        report.line("    … and " + (found.size() - 25) + " more");
      }
    }
    report.line("");
    report.line(SECTIONS.get(5) + " (" + verdict.notes().size() + ")");
    verdict.notes().stream().limit(40).forEach(n -> report.line("  - " + n));
    if (verdict.notes().size() > 40) {
      report.line("  … and " + (verdict.notes().size() - 40) + " more");
    }
    report.line("");
    report.line(SECTIONS.get(6));
    for (String rule : tolerance(options, figures.timerGrace())) {
      report.line("  - " + rule);
    }
  }

  private static void groundTruth(
      Report report, SimClock clock, TruthFigures figures, Verdict verdict) {
    report.line(SECTIONS.get(1));
    report.line(
        "  first response: real seconds from the customer's message to the first answer (in"
            + " simulated minutes: × "
            + Format.num(clock.speed(), 0)
            + " ÷ 60); late: after the SLA"
            + " clock's due time");
    report.line(
        String.format(
            "  %-9s %5s %5s %6s %10s %8s %17s %15s %17s %9s %11s %12s",
            "channel",
            "inq",
            "auto",
            "answd",
            "unanswd",
            "late",
            "FR p50/p90 s",
            "FR p50/p90 min",
            "acks rcvd/exp",
            "kept",
            "breaches",
            "CSAT n/avg"));
    for (var entry : figures.channels.entrySet()) {
      Tally t = entry.getValue();
      double p50 = t.firstResponse.count() == 0 ? Double.NaN : t.firstResponse.quantile(0.5);
      double p90 = t.firstResponse.count() == 0 ? Double.NaN : t.firstResponse.quantile(0.9);
      report.line(
          String.format(
              "  %-9s %5d %5d %6d %10s %8s %17s %15s %17s %9s %11s %12s",
              entry.getKey(),
              t.inquiries,
              t.automatic,
              t.answered,
              Format.percent(share(t.inquiries - t.answered, t.inquiries)),
              Format.percent(share(t.late, t.inquiries)),
              Format.num(p50, 1) + " / " + Format.num(p90, 1),
              Format.num(p50 * clock.speed() / 60, 1)
                  + " / "
                  + Format.num(p90 * clock.speed() / 60, 1),
              t.acksReceived + " / " + t.acksExpected,
              t.kept + "/" + (t.kept + t.broken + t.keptBorderline),
              t.breaches + (t.breachBorderline > 0 ? "+" + t.breachBorderline : ""),
              t.ratings
                  + " / "
                  + (t.ratings == 0 ? "n/a" : Format.num((double) t.ratingSum / t.ratings, 2))));
    }
    report.line("  first response per priority (the priority routing decided):");
    figures.priorities.forEach(
        (priority, spread) ->
            report.line(
                String.format(
                    "    %-3s %4d answered  p50 %7s s  p90 %7s s  (%s / %s simulated min)",
                    priority,
                    spread.count(),
                    Format.num(spread.quantile(0.5), 1),
                    Format.num(spread.quantile(0.9), 1),
                    Format.num(spread.quantile(0.5) * clock.speed() / 60, 1),
                    Format.num(spread.quantile(0.9) * clock.speed() / 60, 1))));
    report.line("  operators the simulator played:");
    for (var entry : figures.operators.entrySet()) {
      OperatorTally o = entry.getValue();
      report.line(
          String.format(
              "    %-12s accepted %3d  declined %2d  forgot %2d  resolved %3d  first reply p50/p90 %s / %s s  CSAT %d%s",
              entry.getKey(),
              o.accepted,
              o.declined,
              o.forgotten,
              o.resolved,
              Format.num(o.firstReply.count() == 0 ? Double.NaN : o.firstReply.quantile(0.5), 1),
              Format.num(o.firstReply.count() == 0 ? Double.NaN : o.firstReply.quantile(0.9), 1),
              o.ratings,
              o.ratings == 0 ? "" : " avg " + Format.num((double) o.ratingSum / o.ratings, 2)));
    }
    report.line("  promises broken, by cause (not the system's doing; see Findings for those):");
    if (verdict.lateCauses().isEmpty()) {
      report.line("    none");
    }
    verdict
        .lateCauses()
        .forEach((cause, n) -> report.line(String.format("    %-60s %d", cause, n)));
    report.line("");
  }

  private static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  static List<String> tolerance(SimOptions options, java.time.Duration timerGrace) {
    return List.of(
        "timers (breaches, escalations) are alerts: sla-service stops them when it processes the"
            + " answer (clock-stopped's occurredAt) and fires them late on a loaded machine, and"
            + " one that finds its clock stopped does not fire; a deadline less than "
            + timerGrace.toMillis()
            + " ms (the longer of --allowance-ms and the longest breach lag on sla.events this run"
            + " + 0.5 s) before the answer, or before it was processed, is borderline",
        "counts agree exactly: inquiries, automatic mail, clocks, answers, acknowledgements, ratings,"
            + " resolutions, declines",
        "an answer whose request was still in flight at a deadline is borderline: it may count as"
            + " in time or late, so a late or breach count may exceed the certain count by the"
            + " borderline ones",
        "percentiles: the system's p50/p90 (percentile_cont of whole seconds) must lie in the range"
            + " any moment inside the simulator's request windows allows (shown in brackets)",
        "the first-response histogram: per bucket, between the answers certainly and possibly within it",
        "Prometheus figures are what the run added: /q/metrics scraped before the day and after the"
            + " system showed its work; other traffic in that window counts too — run on a quiet system",
        "reports cover the run's window (its first to its last moment, instants); inquiries held"
            + " from before the run are unknown to the room model",
        "an inquiry counts as waiting while an operator had room only after "
            + options.allowanceMillis()
            + " ms unassigned (--allowance-ms): pipeline time, not a"
            + " routing decision; presence is known for duty operators and the operators the"
            + " simulator plays",
        "escalations are predicted for P1/P2 only: sla-service holds P3/P4 escalations to its alert"
            + " calendar, which follows the real clock",
        "the system has only a few seconds more than the simulator to show an answer, a"
            + " resolution, a rating, an acknowledgement and a breach (at most 120 s after the day)");
  }
}
