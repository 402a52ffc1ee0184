package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.TruthFigures.Judged;
import java.time.Instant;
import java.util.List;

/**
 * Inquiry by inquiry, the topics against the simulator: each first-response clock's outcome and
 * stop, each breach, each rating's operator, each acknowledgement's medium; every disagreement
 * named with its ticket.
 */
final class InquiryComparison {
  private InquiryComparison() {}

  static void acknowledgements(
      TruthFigures truth,
      SystemFigures system,
      GroundTruth cases,
      SystemTrail trail,
      FigureLines b) {
    java.util.Map<String, int[]> byMedium = new java.util.TreeMap<>();
    for (Case c : cases.cases()) {
      if (!c.accepted() || c.ackMedium == null) {
        continue;
      }
      Seen seen = trail.get(c.inquiryId);
      int[] counts = byMedium.computeIfAbsent(c.ackMedium, k -> new int[2]);
      counts[0] +=
          "EMAIL".equals(c.ackMedium)
              ? (c.ackMailAt != null ? 1 : 0)
              : (seen != null && seen.ack != null ? 1 : 0);
      counts[1] += seen != null && seen.ack != null ? 1 : 0;
    }
    byMedium.forEach(
        (medium, counts) ->
            b.exact(
                medium,
                "acknowledgements received",
                counts[0],
                null,
                system.counter(
                    "switchboard_notification_sent_total",
                    "kind",
                    "ACKNOWLEDGEMENT",
                    "medium",
                    medium),
                counts[1]));
  }

  /** Inquiry by inquiry, the topics against the simulator: each disagreement named. */
  static void perInquiry(
      GroundTruth cases,
      SystemTrail trail,
      Instant end,
      java.time.Duration timerGrace,
      List<String> mismatches) {
    for (Case c : cases.cases()) {
      if (!c.accepted() || c.automatic()) {
        continue;
      }
      Seen seen = trail.get(c.inquiryId);
      var clock = seen == null ? null : seen.clocks.get("FIRST_RESPONSE");
      if (clock == null) {
        continue;
      }
      Judged breach =
          TruthFigures.judgeTimer(
              c.firstAnswer(), clock.stopProcessedAt, clock.dueAt, end, timerGrace);
      boolean breached =
          seen.timers.stream()
              .anyMatch(t -> t.kind().equals("BREACHED") && t.clock().equals("FIRST_RESPONSE"));
      if (breach == Judged.IN_TIME && breached || breach == Judged.LATE && !breached) {
        var first = c.firstAnswer();
        mismatches.add(
            c.label()
                + ": first-response clock due "
                + clock.dueAt
                + ", "
                + (first == null
                    ? "never answered"
                    : "answered "
                        + first.from()
                        + ".."
                        + first.to()
                        + " by "
                        + first.how()
                        + ", stop processed "
                        + clock.stopProcessedAt)
                + ": the simulator expects "
                + (breach == Judged.LATE ? "a breach" : "no breach")
                + ", sla.events has "
                + (breached ? "one" : "none"));
      }
      if (c.rated != null
          && seen.rating != null
          && c.resolvedBy != null
          && !c.resolvedBy.equals(seen.ratedOperator)) {
        mismatches.add(
            c.label()
                + ": rated "
                + c.rated
                + " after "
                + c.resolvedBy
                + " resolved it; csat-received"
                + " attributes the rating to "
                + (seen.ratedOperator == null ? "nobody" : seen.ratedOperator));
      }
      var answer = c.firstAnswer();
      if (answer == null && clock.stoppedAt != null && c.resolvedAt == null) {
        mismatches.add(
            c.label()
                + ": first-response clock stopped at "
                + clock.stoppedAt
                + " but no operator had answered");
      }
      if (answer != null && clock.met != null) {
        Judged judged = TruthFigures.judge(answer, clock.dueAt, end);
        if (judged == Judged.IN_TIME && !clock.met || judged == Judged.LATE && clock.met) {
          mismatches.add(
              c.label()
                  + ": answered "
                  + answer.from()
                  + ".."
                  + answer.to()
                  + " by "
                  + answer.how()
                  + ", due "
                  + clock.dueAt
                  + ": the simulator says "
                  + judged
                  + ", the clock says met="
                  + clock.met
                  + " (stopped "
                  + clock.stoppedAt
                  + ")");
        }
        if (clock.stoppedAt != null
            && (clock.stoppedAt.isBefore(c.sentFrom)
                || clock.stoppedAt.isAfter(answer.to().plusSeconds(1)))) {
          mismatches.add(
              c.label()
                  + ": first answer "
                  + answer.from()
                  + ".."
                  + answer.to()
                  + " by "
                  + answer.how()
                  + ", the first-response clock stopped at "
                  + clock.stoppedAt);
        }
      }
    }
  }
}
