package io.switchboard.routing.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The catalogued routing series, read from {@code /q/metrics} after a real inquiry's life. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class RoutingMetricsTest extends RoutingTestBase {

  @Test
  void anInquiryWorkedToResolutionCountsForItsTeamAndOperator() {
    PrometheusScrape before = scrape();
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    InquiryAssigned assigned = publishAndAwaitAssignment(received);
    Map<String, String> team = Map.of("team", assigned.teamId());
    Map<String, String> operator =
        Map.of("team", assigned.teamId(), "operator", assigned.operatorId());
    String path = "/api/inquiries/" + received.inquiryId();
    String assignee = DevTokens.of(assigned.operatorId(), "operator");

    post(assignee, path + "/accept", null).statusCode(200);
    kafka.publish(
        new OperatorReplied(
            EventIds.next(),
            received.inquiryId(),
            Instant.now(),
            OperatorReplied.SCHEMA_VERSION,
            received.channel(),
            assigned.operatorId(),
            "support@example.com",
            "m-metrics"));
    kafka.awaitEvent(
        InquiryStatusChanged.class,
        e ->
            e.inquiryId().equals(received.inquiryId())
                && e.current() == InquiryStatus.WAITING_ON_CUSTOMER);
    post(assignee, path + "/resolve", null).statusCode(200);

    PrometheusScrape after = scrape();
    String channel = received.channel().name();
    assertThat(
            after.sum(
                "switchboard_routing_inquiries_prioritized_total",
                Map.of("channel", channel, "priority", assigned.priority().name())))
        .isGreaterThanOrEqualTo(
            before.sum(
                    "switchboard_routing_inquiries_prioritized_total",
                    Map.of("channel", channel, "priority", assigned.priority().name()))
                + 1);
    assertThat(firstAssignments(after, team)).isEqualTo(firstAssignments(before, team) + 1);
    assertThat(
            after.sum(
                "switchboard_routing_assignment_latency_seconds_count",
                Map.of("team", assigned.teamId(), "priority", assigned.priority().name())))
        .isGreaterThanOrEqualTo(1);
    assertThat(after.sum("switchboard_routing_operator_resolved_total", operator))
        .isEqualTo(before.sum("switchboard_routing_operator_resolved_total", operator) + 1);
    assertThat(after.sum("switchboard_routing_operator_response_seconds_count", operator))
        .isEqualTo(before.sum("switchboard_routing_operator_response_seconds_count", operator) + 1);
    assertThat(after.buckets("switchboard_routing_operator_response_seconds", operator))
        .contains("30.0", "120.0", "900.0", "3600.0", "259200.0", "+Inf");
    assertThat(after.sum("switchboard_routing_status_changes_total", Map.of("status", "RESOLVED")))
        .isGreaterThanOrEqualTo(
            before.sum("switchboard_routing_status_changes_total", Map.of("status", "RESOLVED"))
                + 1);

    // Gauges come from the database on the refresh timer.
    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              PrometheusScrape now = scrape();
              assertThat(now.sum("switchboard_routing_operator_capacity", operator)).isPositive();
              assertThat(now.has("switchboard_routing_operator_load", operator)).isTrue();
              assertThat(now.has("switchboard_routing_operators_online", team)).isTrue();
              assertThat(now.has("switchboard_routing_queue_oldest_age_seconds", team)).isTrue();
            });
  }

  @Test
  void knownCombinationsStartAtZero() {
    PrometheusScrape scrape = scrape();
    assertThat(
            scrape.has(
                "switchboard_routing_inquiries_prioritized_total",
                Map.of("channel", "TELEGRAM", "priority", "P4")))
        .isTrue();
    assertThat(scrape.has("switchboard_routing_status_changes_total", Map.of("status", "REOPENED")))
        .isTrue();
    // The dashboards and alerts name routing's consumers by these tags.
    for (String consumer :
        List.of("inquiries-inbound", "sla-events", "report-lifecycle", "report-inbound")) {
      for (String kind : List.of("unavailable", "conflict", "permanent")) {
        assertThat(
                scrape.has(
                    "switchboard_messaging_failures_total",
                    Map.of("incoming", consumer, "kind", kind)))
            .as("%s failures of kind %s", consumer, kind)
            .isTrue();
      }
      assertThat(
              scrape.has("switchboard_messaging_dead_letters_total", Map.of("incoming", consumer)))
          .as("%s dead letters", consumer)
          .isTrue();
    }
  }

  @Test
  void exportsOnlyCataloguedSeriesAndTags() {
    scrape().assertConformsToCatalogue();
  }

  private static double firstAssignments(PrometheusScrape scrape, Map<String, String> team) {
    String name = "switchboard_routing_assignments_total";
    return scrape.sum(name, with(team, "reason", "FIRST"))
        + scrape.sum(name, with(team, "reason", "RETURNING_CUSTOMER"));
  }

  private static Map<String, String> with(Map<String, String> tags, String key, String value) {
    var all = new java.util.HashMap<>(tags);
    all.put(key, value);
    return all;
  }

  private static PrometheusScrape scrape() {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString());
  }
}
