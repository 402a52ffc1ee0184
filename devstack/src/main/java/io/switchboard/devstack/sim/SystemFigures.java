package io.switchboard.devstack.sim;

import static io.switchboard.devstack.sim.MetricsSnapshot.labels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same day's figures as the system tells them: the supervisor reports for the run's window
 * (sla-service's SLA report, routing's arrivals and operators reports, notification-service's CSAT
 * report) and what the run added to the Prometheus counters of docs/metrics.md.
 */
final class SystemFigures {
  /** The first-response histogram's buckets (docs/metrics.md), seconds. */
  static final double[] BUCKETS = {30, 60, 120, 300, 900, 1800, 3600, 7200, 14400};

  final Instant from;
  final Instant to;
  final JsonNode sla;
  final Map<String, JsonNode> arrivals = new LinkedHashMap<>();
  final JsonNode operators;
  final JsonNode csat;
  final MetricsSnapshot before;
  final MetricsSnapshot after;
  final List<String> problems = new ArrayList<>();

  private SystemFigures(
      Instant from,
      Instant to,
      JsonNode sla,
      JsonNode operators,
      JsonNode csat,
      MetricsSnapshot before,
      MetricsSnapshot after) {
    this.from = from;
    this.to = to;
    this.sla = sla;
    this.operators = operators;
    this.csat = csat;
    this.before = before;
    this.after = after;
  }

  static SystemFigures read(
      StaffApi api,
      SimOptions options,
      Instant from,
      Instant to,
      MetricsSnapshot before,
      MetricsSnapshot after) {
    List<String> problems = new ArrayList<>();
    JsonNode sla = report(api, options.slaUrl(), "/reports/sla", from, to, null, problems);
    JsonNode operators =
        report(api, options.routingUrl(), "/reports/operators", from, to, null, problems);
    JsonNode csat =
        report(api, options.notificationUrl(), "/reports/csat", from, to, null, problems);
    SystemFigures figures = new SystemFigures(from, to, sla, operators, csat, before, after);
    for (String channel : TruthFigures.CHANNELS) {
      figures.arrivals.put(
          channel,
          report(
              api,
              options.routingUrl(),
              "/reports/arrivals",
              from,
              to,
              "channel=" + channel,
              problems));
    }
    figures.problems.addAll(problems);
    before.unreachable.forEach(s -> figures.problems.add("metrics before the day: " + s));
    after.unreachable.forEach(s -> figures.problems.add("metrics after the day: " + s));
    return figures;
  }

  private static JsonNode report(
      StaffApi api,
      String base,
      String path,
      Instant from,
      Instant to,
      String extra,
      List<String> problems) {
    StaffApi.Answer answer = api.report(base, path, from, to, extra);
    if (!answer.ok()) {
      problems.add(path + (extra == null ? "" : "?" + extra) + " answered " + answer.status());
      return MissingNode.getInstance();
    }
    return answer.body();
  }

  /** The SLA report's line for a channel, or its total line for {@code TOTAL}. */
  JsonNode slaRow(String channel) {
    if (channel.equals(TruthFigures.TOTAL)) {
      return sla.path("total");
    }
    for (JsonNode row : sla.path("channels")) {
      if (channel.equals(row.path("channel").asText())) {
        return row;
      }
    }
    return MissingNode.getInstance();
  }

  JsonNode operatorRow(String operatorId) {
    for (JsonNode row : operators.path("operators")) {
      if (operatorId.equals(row.path("operatorId").asText())) {
        return row;
      }
    }
    return MissingNode.getInstance();
  }

  JsonNode csatRow(String group, String key) {
    for (JsonNode row : csat.path(group)) {
      if (key.equals(row.path("key").asText())) {
        return row;
      }
    }
    return MissingNode.getInstance();
  }

  /** What the run added to a counter (summed over the matching series). */
  double counter(String name, String... labelPairs) {
    return after.since(before, name, labels(labelPairs));
  }

  /** What the run added to the first-response histogram's bucket {@code le} of a priority. */
  double histogramAtMost(String priority, double le) {
    return bucket(after, priority, le) - bucket(before, priority, le);
  }

  private static double bucket(MetricsSnapshot snapshot, String priority, double le) {
    double total = 0;
    for (MetricsSnapshot.Series s : snapshot.series) {
      if (s.name().equals("switchboard_sla_clock_elapsed_seconds_bucket")
          && "FIRST_RESPONSE".equals(s.labels().get("clock"))
          && priority.equals(s.labels().get("priority"))
          && le(s.labels().get("le")) == le) {
        total += s.value();
      }
    }
    return total;
  }

  private static double le(String text) {
    try {
      return text == null ? Double.NaN : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
