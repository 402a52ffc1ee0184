package io.switchboard.devstack.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code switchboard_*} series of every service's {@code /q/metrics} at one moment (docs/
 * metrics.md catalogues them). Counters are compared as the difference between the snapshots at the
 * day's start and end: what the run itself added.
 */
final class MetricsSnapshot {
  /** One sample: the metric's name and labels. */
  record Series(String name, Map<String, String> labels, double value) {}

  final Instant at;
  final List<Series> series;
  final List<String> unreachable;

  MetricsSnapshot(Instant at, List<Series> series, List<String> unreachable) {
    this.at = at;
    this.series = series;
    this.unreachable = unreachable;
  }

  static MetricsSnapshot take(StaffApi api, SimOptions options) {
    List<Series> all = new ArrayList<>();
    List<String> unreachable = new ArrayList<>();
    for (var service : StaffApi.serviceUrls(options).entrySet()) {
      StaffApi.Answer answer = api.metrics(service.getValue());
      if (!answer.ok()) {
        unreachable.add(service.getKey() + " " + answer.status());
        continue;
      }
      all.addAll(parse(answer.text()));
    }
    return new MetricsSnapshot(Instant.now(), List.copyOf(all), List.copyOf(unreachable));
  }

  /** The {@code switchboard_*} samples of a Prometheus text exposition. */
  static List<Series> parse(String exposition) {
    List<Series> all = new ArrayList<>();
    for (String line : exposition.split("\n")) {
      if (line.startsWith("switchboard_")) {
        Series parsed = sample(line.strip());
        if (parsed != null) {
          all.add(parsed);
        }
      }
    }
    return all;
  }

  /** The sum of a metric's samples whose labels include {@code match}. */
  double sum(String name, Map<String, String> match) {
    double total = 0;
    for (Series s : series) {
      if (s.name().equals(name) && s.labels().entrySet().containsAll(match.entrySet())) {
        total += s.value();
      }
    }
    return total;
  }

  /** What the run added to a counter: this snapshot minus the earlier one. */
  double since(MetricsSnapshot before, String name, Map<String, String> match) {
    return sum(name, match) - before.sum(name, match);
  }

  /** The values a label takes on a metric, e.g. the operators of a per-operator counter. */
  List<String> labelValues(String name, String label) {
    List<String> values = new ArrayList<>();
    for (Series s : series) {
      String value = s.labels().get(label);
      if (s.name().equals(name) && value != null && !values.contains(value)) {
        values.add(value);
      }
    }
    return values;
  }

  /**
   * What routing's operators held when the snapshot was taken ({@code
   * switchboard_routing_operator_load}), those holding something only, in label order: on a quiet
   * deployment, nothing.
   */
  Map<String, Integer> heldByOperator() {
    Map<String, Integer> held = new java.util.TreeMap<>();
    for (String operator : labelValues("switchboard_routing_operator_load", "operator")) {
      int load = (int) sum("switchboard_routing_operator_load", Map.of("operator", operator));
      if (load > 0) {
        held.put(operator, load);
      }
    }
    return held;
  }

  static Map<String, String> labels(String... pairs) {
    Map<String, String> labels = new HashMap<>();
    for (int i = 0; i + 1 < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return labels;
  }

  private static Series sample(String line) {
    try {
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      String name;
      Map<String, String> labels = new LinkedHashMap<>();
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        String inside = line.substring(brace + 1, line.lastIndexOf('}'));
        int i = 0;
        while (i < inside.length()) {
          int eq = inside.indexOf('=', i);
          if (eq < 0) {
            break;
          }
          String key = inside.substring(i, eq).trim();
          int open = inside.indexOf('"', eq);
          int close = open + 1;
          StringBuilder value = new StringBuilder();
          while (close < inside.length() && inside.charAt(close) != '"') {
            if (inside.charAt(close) == '\\' && close + 1 < inside.length()) {
              close++;
            }
            value.append(inside.charAt(close++));
          }
          labels.put(key, value.toString());
          i = inside.indexOf(',', close);
          i = i < 0 ? inside.length() : i + 1;
        }
      } else {
        name = line.substring(0, space);
      }
      return new Series(
          name, Map.copyOf(labels), Double.parseDouble(line.substring(space + 1).trim()));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
