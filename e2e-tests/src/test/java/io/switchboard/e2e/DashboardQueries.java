package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PromQL of the provisioned Grafana dashboards (ops/grafana/dashboards) and of the alert rules
 * (ops/prometheus/alerts.yml), with Grafana's variables replaced so that Prometheus can run them.
 */
final class DashboardQueries {
  /** Grafana's built-in interval variables, as a one-hour dashboard would resolve them. */
  static final Map<String, String> BUILT_IN =
      Map.of("__rate_interval", "1m", "__interval", "15s", "__range", "1h");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new YAMLMapper();
  // $name, ${name} and [[name]], Grafana's three spellings of a variable.
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

  private final Path root;

  DashboardQueries(Path repositoryRoot) {
    this.root = repositoryRoot;
  }

  Path dashboardsDir() {
    return root.resolve("ops/grafana/dashboards");
  }

  Path alertRules() {
    return root.resolve("ops/prometheus/alerts.yml");
  }

  Path alertTests() {
    return root.resolve("ops/prometheus/alerts.test.yml");
  }

  /** The uid of the data source Grafana is provisioned with. */
  String provisionedDataSourceUid() {
    JsonNode sources =
        read(YAML, root.resolve("ops/grafana/provisioning/datasources/prometheus.yml"))
            .path("datasources");
    if (sources.size() != 1) {
      throw new IllegalStateException("expected one provisioned data source, found " + sources);
    }
    return sources.get(0).path("uid").asText();
  }

  /** Where Grafana's file provider looks for dashboards. */
  String provisionedDashboardPath() {
    return read(YAML, root.resolve("ops/grafana/provisioning/dashboards/switchboard.yml"))
        .path("providers")
        .get(0)
        .path("options")
        .path("path")
        .asText();
  }

  /** docker-compose.yml's Grafana volumes, as {@code host:container[:mode]}. */
  List<String> grafanaVolumes() {
    List<String> volumes = new ArrayList<>();
    read(YAML, root.resolve("docker-compose.yml"))
        .path("services")
        .path("grafana")
        .path("volumes")
        .forEach(v -> volumes.add(v.asText()));
    return volumes;
  }

  /** Every query target of every panel (rows' nested panels included), variables replaced. */
  List<PanelQuery> panelQueries() {
    List<PanelQuery> queries = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = read(JSON, file);
      Map<String, String> variables = new LinkedHashMap<>();
      BUILT_IN.forEach(variables::put);
      dashboard
          .path("templating")
          .path("list")
          .forEach(v -> variables.put(v.path("name").asText(), allValue(v)));
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          String expr = target.path("expr").asText();
          queries.add(
              new PanelQuery(
                  dashboard.path("title").asText(),
                  file.getFileName().toString(),
                  panel.path("title").asText(),
                  target.path("refId").asText(),
                  expr,
                  substitute(expr, variables),
                  dataSourceUid(panel, target)));
        }
      }
    }
    return queries;
  }

  /** Panels that show data (not rows) and have no query. */
  List<String> panelsWithoutQueries() {
    List<String> empty = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = read(JSON, file);
      for (JsonNode panel : panels(dashboard)) {
        if (panel.path("targets").isEmpty()) {
          empty.add(dashboard.path("title").asText() + " / " + panel.path("title").asText());
        }
      }
    }
    return empty;
  }

  /** Every rule's name and expression in alerts.yml. */
  List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    read(YAML, alertRules())
        .path("groups")
        .forEach(
            group ->
                group
                    .path("rules")
                    .forEach(
                        rule ->
                            rules.add(
                                new Rule(
                                    group.path("name").asText(),
                                    rule.path("alert").asText(rule.path("record").asText()),
                                    rule.path("expr").asText().strip(),
                                    rule.path("for").asText(""),
                                    rule.path("labels").path("severity").asText(""),
                                    rule.path("annotations")))));
    return rules;
  }

  List<Path> dashboardFiles() {
    try (Stream<Path> files = Files.list(dashboardsDir())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws IllegalArgumentException naming a variable that the dashboard does not define
   */
  static String substitute(String expr, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(expr);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name =
          Stream.of(matcher.group(1), matcher.group(2), matcher.group(3))
              .filter(g -> g != null)
              .findFirst()
              .orElseThrow();
      String value = variables.get(name);
      if (value == null) {
        throw new IllegalArgumentException("undefined variable $" + name + " in " + expr);
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private static String allValue(JsonNode variable) {
    String all = variable.path("allValue").asText("");
    return all.isEmpty() ? ".*" : all;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      if ("row".equals(panel.path("type").asText())) {
        panel.path("panels").forEach(panels::add);
      } else {
        panels.add(panel);
      }
    }
    return panels;
  }

  private static String dataSourceUid(JsonNode panel, JsonNode target) {
    JsonNode own = target.path("datasource").path("uid");
    return own.isMissingNode() ? panel.path("datasource").path("uid").asText() : own.asText();
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** One target of one panel. */
  record PanelQuery(
      String dashboard,
      String file,
      String panel,
      String refId,
      String rawExpr,
      String expr,
      String dataSourceUid) {
    String name() {
      return dashboard + " / " + panel + " / " + refId;
    }
  }

  /** One rule of alerts.yml. */
  record Rule(
      String group,
      String name,
      String expr,
      String forDuration,
      String severity,
      JsonNode annotations) {}
}
