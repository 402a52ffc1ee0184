package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.TruthFigures.Judged;
import io.switchboard.devstack.sim.TruthFigures.OperatorTally;
import io.switchboard.devstack.sim.TruthFigures.Tally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The simulator's figures beside the system's, figure by figure: from the reports API, from the
 * Prometheus counters (what the run added) and, inquiry by inquiry, from the public topics. Every
 * figure outside its tolerance is a mismatch, named with what each side said.
 */
record Comparison(List<Line> lines, List<String> mismatches) {
  /** One figure; "—" where a source has no such figure. */
  record Line(
      String scope,
      String figure,
      String simulator,
      String reports,
      String metrics,
      String topics,
      boolean ok) {}

  boolean failed() {
    return !mismatches.isEmpty();
  }

  static Comparison of(
      TruthFigures truth, SystemFigures system, GroundTruth cases, SystemTrail trail, Instant end) {
    List<Line> lines = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    Builder b = new Builder(lines, mismatches);
    List<Seen> all = trail.all();
    for (Map.Entry<String, Tally> entry : truth.channels.entrySet()) {
      String ch = entry.getKey();
      boolean total = ch.equals(TruthFigures.TOTAL);
      Tally t = entry.getValue();
      JsonNode sla = system.slaRow(ch);
      String[] channel = total ? new String[0] : new String[] {"channel", ch};
      long received =
          all.stream().filter(s -> s.receivedAt != null && (total || ch.equals(s.channel))).count();
      b.exact(
          ch,
          "new inquiries (automatic included)",
          t.inquiries + t.automatic,
          total ? sum(system) : system.arrivals.get(ch).path("total"),
          system.counter("switchboard_ingest_inquiries_received_total", channel),
          received);
      b.exact(
          ch,
          "automatic mail kept unassigned",
          t.automatic,
          null,
          system.counter("switchboard_routing_inquiries_automatic_total", channel),
          all.stream().filter(s -> s.automatic && (total || ch.equals(s.channel))).count());
      b.exact(
          ch,
          "inquiries to answer (first-response clocks)",
          t.inquiries,
          sla.path("inquiries"),
          system.counter(
              "switchboard_sla_clocks_started_total", with(channel, "clock", "FIRST_RESPONSE")),
          null);
      b.exact(
          ch,
          "answered",
          t.answered,
          sla.path("answered"),
          system.counter(
              "switchboard_sla_clocks_stopped_total", with(channel, "clock", "FIRST_RESPONSE")),
          null);
      b.exact(ch, "unanswered", t.inquiries - t.answered, sla.path("unanswered"), null, null);
      b.range(
          ch,
          "answered late",
          t.late,
          t.lateBorderline,
          sla.path("answeredLate"),
          system.counter(
              "switchboard_sla_clocks_stopped_total",
              with(channel, "clock", "FIRST_RESPONSE", "met", "false")));
      b.percentile(ch, "first response p50, s", t, 0.5, sla.path("firstResponseP50Seconds"));
      b.percentile(ch, "first response p90, s", t, 0.9, sla.path("firstResponseP90Seconds"));
      b.range(
          ch,
          "first-response breaches",
          t.breaches,
          t.breachBorderline,
          null,
          system.counter(
              "switchboard_sla_timers_fired_total",
              with(channel, "kind", "BREACH", "clock", "FIRST_RESPONSE")));
      b.range(
          ch,
          "escalations of P1/P2 first responses",
          t.escalations,
          t.escalationBorderline,
          null,
          system.counter(
                  "switchboard_sla_timers_fired_total",
                  with(channel, "kind", "ESCALATION", "clock", "FIRST_RESPONSE", "priority", "P1"))
              + system.counter(
                  "switchboard_sla_timers_fired_total",
                  with(
                      channel, "kind", "ESCALATION", "clock", "FIRST_RESPONSE", "priority", "P2")));
      JsonNode csat = total ? system.csat.path("total") : system.csatRow("channels", ch);
      b.exact(
          ch,
          "CSAT ratings",
          t.ratings,
          csat.path("responses"),
          system.counter("switchboard_notification_csat_score_count", channel),
          null);
      b.average(ch, "CSAT average", t.ratings, t.ratingSum, csat.path("averageScore"));
    }
    for (var priority : truth.priorities.entrySet()) {
      Spread spread = priority.getValue();
      String p = priority.getKey();
      b.exact(
          p,
          "first responses",
          spread.count(),
          null,
          system.counter(
              "switchboard_sla_clock_elapsed_seconds_count",
              "clock",
              "FIRST_RESPONSE",
              "priority",
              p),
          null);
      for (double le : SystemFigures.BUCKETS) {
        int[] within = spread.atMost(le);
        if (within[0] == spread.count() && le > SystemFigures.BUCKETS[0]) {
          break;
        }
        b.range(
            p,
            "first responses within "
                + PolicyScaling.seconds(java.time.Duration.ofSeconds((long) le)),
            within[0],
            within[1] - within[0],
            null,
            system.histogramAtMost(p, le));
      }
    }
    for (var operator : truth.operators.entrySet()) {
      String id = operator.getKey();
      OperatorTally o = operator.getValue();
      JsonNode row = system.operatorRow(id);
      b.exact(id, "accepted", o.accepted, row.path("accepted"), null, null);
      b.exact(
          id,
          "resolved",
          o.resolved,
          row.path("resolved"),
          system.counter("switchboard_routing_operator_resolved_total", "operator", id),
          null);
      for (double q : new double[] {0.5, 0.9}) {
        JsonNode reported = row.path(q == 0.5 ? "firstReplyP50Seconds" : "firstReplyP90Seconds");
        boolean ok =
            b.spread(id, "first reply p" + (int) (q * 100) + ", s", o.firstReply, q, reported);
        if (!ok && within(o.firstChannelReply, q, reported)) {
          mismatches.add(
              id
                  + " first reply p"
                  + (int) (q * 100)
                  + ": the report's figure is what the first"
                  + " answers by e-mail or chat alone give; it leaves out the "
                  + o.apiAnswers
                  + " answer(s) recorded through POST /api/inquiries/{id}/replies");
        }
      }
      JsonNode csat = system.csatRow("operators", id);
      b.exact(id, "CSAT ratings", o.ratings, csat.path("responses"), null, null);
    }
    int declined = truth.operators.values().stream().mapToInt(o -> o.declined).sum();
    b.exact(
        "all",
        "declined",
        declined,
        null,
        system.counter("switchboard_routing_reassignments_total", "reason", "DECLINED"),
        null);
    acknowledgements(truth, system, cases, trail, b);
    perInquiry(cases, trail, end, truth.timerGrace(), mismatches);
    system.problems.forEach(p -> mismatches.add("system figures unavailable: " + p));
    return new Comparison(List.copyOf(lines), List.copyOf(mismatches));
  }

  private static void acknowledgements(
      TruthFigures truth, SystemFigures system, GroundTruth cases, SystemTrail trail, Builder b) {
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
  private static void perInquiry(
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

  private static boolean within(Spread spread, double q, JsonNode reported) {
    if (spread.count() == 0 || reported.isMissingNode() || reported.isNull()) {
      return false;
    }
    double[] range = spread.interpolatedRange(q);
    return reported.asDouble() >= range[0] - 0.01 && reported.asDouble() <= range[1] + 0.01;
  }

  private static JsonNode sum(SystemFigures system) {
    long total = 0;
    for (JsonNode report : system.arrivals.values()) {
      if (report.path("total").isMissingNode()) {
        return report.path("total");
      }
      total += report.path("total").asLong();
    }
    return com.fasterxml.jackson.databind.node.LongNode.valueOf(total);
  }

  private static String[] with(String[] base, String... more) {
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  /** Builds lines and names mismatches. */
  private record Builder(List<Line> lines, List<String> mismatches) {
    /** Counts that must agree exactly; null sources have no such figure. */
    void exact(String scope, String figure, long sim, JsonNode report, Double metric, Long topics) {
      boolean ok = true;
      String r = "—";
      if (report != null) {
        r = report.isMissingNode() || report.isNull() ? "n/a" : report.asText();
        ok &= !report.isMissingNode() && !report.isNull() ? report.asLong() == sim : sim == 0;
      }
      String m = "—";
      if (metric != null) {
        m = Format.num(metric, 0);
        ok &= Math.round(metric) == sim;
      }
      String t = topics == null ? "—" : Long.toString(topics);
      ok &= topics == null || topics == sim;
      add(scope, figure, Long.toString(sim), r, m, t, ok);
    }

    void exact(String scope, String figure, long sim, JsonNode report, double metric, Long topics) {
      exact(scope, figure, sim, report, Double.valueOf(metric), topics);
    }

    void exact(String scope, String figure, long sim, JsonNode report, double metric, long topics) {
      exact(scope, figure, sim, report, Double.valueOf(metric), Long.valueOf(topics));
    }

    /** A count the timing decides up to {@code borderline} answers. */
    void range(
        String scope,
        String figure,
        long certain,
        long borderline,
        JsonNode report,
        Double metric) {
      boolean ok = true;
      String r = "—";
      if (report != null) {
        r = report.isMissingNode() || report.isNull() ? "n/a" : report.asText();
        long value = report.isMissingNode() || report.isNull() ? 0 : report.asLong();
        ok &= value >= certain && value <= certain + borderline;
      }
      String m = "—";
      if (metric != null) {
        m = Format.num(metric, 0);
        ok &= metric >= certain && metric <= certain + borderline;
      }
      add(
          scope,
          figure,
          certain + (borderline > 0 ? " (+" + borderline + " borderline)" : ""),
          r,
          m,
          "—",
          ok);
    }

    void range(
        String scope,
        String figure,
        long certain,
        long borderline,
        JsonNode report,
        double metric) {
      range(scope, figure, certain, borderline, report, Double.valueOf(metric));
    }

    void percentile(String scope, String figure, Tally t, double q, JsonNode report) {
      spread(scope, figure, t.firstResponse, q, report);
    }

    /** The system's percentile must lie in the range the simulator's windows allow. */
    boolean spread(String scope, String figure, Spread spread, double q, JsonNode report) {
      if (spread.count() == 0) {
        boolean ok = report.isMissingNode() || report.isNull();
        add(scope, figure, "n/a", ok ? "n/a" : report.asText(), "—", "—", ok);
        return ok;
      }
      double[] range = spread.interpolatedRange(q);
      boolean present = !report.isMissingNode() && !report.isNull();
      double value = present ? report.asDouble() : Double.NaN;
      boolean ok = present && value >= range[0] - 0.01 && value <= range[1] + 0.01;
      add(
          scope,
          figure,
          Format.num(spread.quantile(q), 1)
              + " ("
              + Format.num(range[0], 0)
              + ".."
              + Format.num(range[1], 0)
              + ")",
          present ? Format.num(value, 1) : "n/a",
          "—",
          "—",
          ok);
      return ok;
    }

    void average(String scope, String figure, int ratings, int sum, JsonNode report) {
      if (ratings == 0) {
        boolean ok = report.isMissingNode() || report.isNull();
        add(scope, figure, "n/a", ok ? "n/a" : report.asText(), "—", "—", ok);
        return;
      }
      double average = (double) sum / ratings;
      boolean present = !report.isMissingNode() && !report.isNull();
      boolean ok = present && Math.abs(report.asDouble() - average) <= 0.006;
      add(
          scope,
          figure,
          Format.num(average, 2),
          present ? Format.num(report.asDouble(), 2) : "n/a",
          "—",
          "—",
          ok);
    }

    private void add(
        String scope, String figure, String sim, String r, String m, String t, boolean ok) {
      lines.add(new Line(scope, figure, sim, r, m, t, ok));
      if (!ok) {
        mismatches.add(
            scope
                + " "
                + figure
                + ": simulator "
                + sim
                + ", reports "
                + r
                + ", metrics "
                + m
                + ", topics "
                + t);
      }
    }
  }
}
