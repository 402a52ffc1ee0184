package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devstack.sim.SystemTrail.Seen;
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
      List<java.time.Duration> escalateAfter,
      TruthFigures truth,
      SystemFigures system,
      GroundTruth cases,
      SystemTrail trail,
      Instant end) {
    List<Line> lines = new ArrayList<>();
    List<String> mismatches = new ArrayList<>();
    FigureLines b = new FigureLines(lines, mismatches);
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
    InquiryComparison.acknowledgements(truth, system, cases, trail, b);
    InquiryComparison.perInquiry(cases, trail, end, truth.timerGrace(), escalateAfter, mismatches);
    system.problems.forEach(p -> mismatches.add("system figures unavailable: " + p));
    return new Comparison(List.copyOf(lines), List.copyOf(mismatches));
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
}
