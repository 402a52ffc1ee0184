package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.e2e.DashboardQueries.PanelQuery;
import io.switchboard.e2e.DashboardQueries.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What can be checked without a running Prometheus: the dashboards are provisioned the way
 * docker-compose mounts them, use the provisioned data source, and define every variable they use;
 * every rule carries what a receiver needs. ObservabilityIT runs the queries.
 */
class DashboardQueriesTest {
  private static final Path ROOT = Path.of(System.getProperty("sbtest.root"));
  private final DashboardQueries queries = new DashboardQueries(ROOT);

  @Test
  void grafanaFindsTheDashboardsWhereDockerComposeMountsThem() {
    assertThat(queries.grafanaVolumes())
        .contains(
            "./ops/grafana/provisioning:/etc/grafana/provisioning:ro",
            "./ops/grafana/dashboards:" + queries.provisionedDashboardPath() + ":ro");
    assertThat(queries.dashboardFiles())
        .extracting(f -> f.getFileName().toString())
        .containsExactlyInAnyOrder(
            "overview.json", "operators.json", "arrivals.json", "pipeline.json");
  }

  @Test
  void everyPanelQueriesTheProvisionedDataSourceWithKnownVariables() {
    List<PanelQuery> panels = queries.panelQueries();
    String uid = queries.provisionedDataSourceUid();

    assertThat(queries.panelsWithoutQueries()).isEmpty();
    assertThat(panels).allSatisfy(q -> assertThat(q.dataSourceUid()).as(q.name()).isEqualTo(uid));
    assertThat(panels).allSatisfy(q -> assertThat(q.expr()).as(q.name()).doesNotContain("$"));
    assertThat(panels)
        .filteredOn(q -> q.rawExpr().contains("$channel"))
        .extracting(PanelQuery::dashboard)
        .contains("Switchboard overview", "Switchboard arrivals");
  }

  @Test
  void variablesAreReplacedInEveryGrafanaSpelling() {
    Map<String, String> variables = Map.of("channel", ".*", "__rate_interval", "1m");

    assertThat(
            DashboardQueries.substitute(
                "rate(x{channel=~\"$channel\"}[$__rate_interval]) + y{c=~\"${channel}\"} +"
                    + " z{c=~\"[[channel]]\"}",
                variables))
        .isEqualTo("rate(x{channel=~\".*\"}[1m]) + y{c=~\".*\"} + z{c=~\".*\"}");
    assertThatThrownBy(() -> DashboardQueries.substitute("x{team=~\"$team\"}", variables))
        .hasMessageContaining("$team");
  }

  @Test
  void everyRuleHasADurationASeverityAndTextsForTheReceiver() {
    List<Rule> rules = queries.rules();

    assertThat(rules)
        .extracting(Rule::name)
        .containsExactlyInAnyOrder(
            "SlaBreachRateHigh",
            "QueueWaitingTooLong",
            "KafkaConsumerLagHigh",
            "DeadLetters",
            "NotificationFailures",
            "ServiceDown");
    assertThat(rules)
        .allSatisfy(
            rule -> {
              assertThat(rule.forDuration()).as(rule.name()).isNotBlank();
              assertThat(rule.severity()).as(rule.name()).isIn("warning", "critical");
              for (String annotation : List.of("summary", "description", "runbook")) {
                assertThat(rule.annotations().path(annotation).asText())
                    .as(rule.name() + " " + annotation)
                    .isNotBlank();
              }
            });
  }
}
