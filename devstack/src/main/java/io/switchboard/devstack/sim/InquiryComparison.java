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
      List<java.time.Duration> escalateAfter,
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
      escalations(c, seen, clock, end, timerGrace, escalateAfter, mismatches);
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

  /** Each escalation level of an urgent inquiry's first-response clock, expected or not. */
  private static void escalations(
      Case c,
      Seen seen,
      SystemTrail.Clock clock,
      Instant end,
      java.time.Duration timerGrace,
      List<java.time.Duration> escalateAfter,
      List<String> mismatches) {
    if (!"P1".equals(seen.priority) && !"P2".equals(seen.priority)) {
      return;
    }
    for (int level = 1; level <= escalateAfter.size(); level++) {
      Instant at = clock.dueAt.plus(escalateAfter.get(level - 1));
      Judged expected =
          TruthFigures.judgeTimer(c.firstAnswer(), clock.stopProcessedAt, at, end, timerGrace);
      int wanted = level;
      boolean fired =
          seen.timers.stream()
              .anyMatch(
                  t ->
                      t.kind().equals("ESCALATED")
                          && t.clock().equals("FIRST_RESPONSE")
                          && t.level() == wanted);
      if (expected == Judged.LATE && !fired || expected == Judged.IN_TIME && fired) {
        mismatches.add(
            c.label()
                + ": "
                + seen.priority
                + " "
                + seen.channel
                + " first response due "
                + clock.dueAt
                + (c.firstAnswer() == null
                    ? ", never answered"
                    : ", answered " + c.firstAnswer().from())
                + ": escalation level "
                + level
                + " at "
                + at
                + " "
                + (fired ? "fired, not expected" : "expected, not on sla.events")
                + " (sla-service holds the escalations of priorities it does not count as urgent"
                + " to its alert calendar; the priority it planned them with is its own)");
      }
    }
  }
}
