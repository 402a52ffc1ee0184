package io.switchboard.routing.queue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryQueued;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.routing.support.Tokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Assignment paths racing in one instance: operators coming online, resolving in parallel HTTP
 * requests, the queue timer and the Kafka consumer all assign at once, on the real database.
 */
@QuarkusTest
@TestProfile(ConcurrentAssignmentTest.RaceTeam.class)
@WithTestResource(SwitchboardTestResource.class)
class ConcurrentAssignmentTest extends RoutingTestBase {
  private static final List<String> OPERATORS = List.of("race-1", "race-2", "race-3", "race-4");
  private static final int CHAT_SLOTS = 2;

  public static class RaceTeam implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.directory-file", "src/test/resources/race-directory.yaml",
          "switchboard.routing.default-team", "race",
          "switchboard.routing.queue.drain-interval", "1s",
          "switchboard.routing.metrics.refresh-interval", "1s");
    }
  }

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void noInquiryIsAssignedTwiceAndNoOperatorGoesAboveCapacity() throws Exception {
    List<InquiryReceived> inquiries =
        IntStream.range(0, 40)
            .mapToObj(i -> EventFixtures.inquiryReceived().channel(Channel.CHAT).build())
            .toList();
    inquiries.subList(0, 30).forEach(kafka::publish);
    for (InquiryReceived r : inquiries.subList(0, 30)) {
      kafka.awaitEvent(InquiryQueued.class, e -> e.inquiryId().equals(r.inquiryId()));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<?>> racing = new ArrayList<>();
      for (String operator : OPERATORS) {
        racing.add(CompletableFuture.runAsync(() -> online(operator), pool));
      }
      racing.add(
          CompletableFuture.runAsync(
              () -> inquiries.subList(30, 40).forEach(kafka::publish), pool));
      CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).join();

      Set<String> ids =
          inquiries.stream().map(InquiryReceived::inquiryId).collect(Collectors.toSet());
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                assertWithinCapacity();
                List<CompletableFuture<?>> resolving = new ArrayList<>();
                for (Map.Entry<String, String> held : held().entrySet()) {
                  resolving.add(
                      CompletableFuture.runAsync(
                          () -> resolve(held.getValue(), held.getKey()), pool));
                }
                CompletableFuture.allOf(resolving.toArray(CompletableFuture[]::new)).join();
                return count("select count(*) from routing.inquiry where status = 'RESOLVED'")
                    == ids.size();
              });

      Map<String, Long> assignments =
          kafka.eventsSoFar(InquiryAssigned.class, e -> ids.contains(e.inquiryId())).stream()
              .collect(Collectors.groupingBy(InquiryAssigned::inquiryId, Collectors.counting()));
      assertThat(assignments).hasSize(ids.size());
      assertThat(assignments.values()).containsOnly(1L);
    } finally {
      pool.shutdownNow();
    }

    PrometheusScrape metrics =
        PrometheusScrape.parse(
            given().get("/q/metrics").then().statusCode(200).extract().asString());
    Map<String, String> race = Map.of("team", "race");
    assertThat(metrics.sum("switchboard_routing_assignment_latency_seconds_count", race))
        .isEqualTo(40.0);
    assertThat(metrics.sum("switchboard_routing_assignments_total", race)).isEqualTo(40.0);
    assertThat(metrics.has("switchboard_routing_queue_depth", race)).isTrue();
    assertThat(metrics.has("switchboard_routing_operators_available", race)).isTrue();
  }

  private static void online(String operator) {
    given()
        .auth()
        .oauth2(Tokens.of(operator, "operator"))
        .contentType(ContentType.JSON)
        .body(Map.of("presence", "ONLINE"))
        .put("/api/operators/me/presence")
        .then()
        .statusCode(200);
  }

  private static void resolve(String operator, String inquiryId) {
    post(Tokens.of(operator, "operator"), "/api/inquiries/" + inquiryId + "/resolve", null)
        .statusCode(200);
  }

  private void assertWithinCapacity() throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select operator_id, count(*) from routing.inquiry where status in"
                        + " ('ASSIGNED','ACCEPTED','WAITING_ON_CUSTOMER','REOPENED')"
                        + " group by operator_id")) {
      while (rows.next()) {
        assertThat(rows.getLong(2)).as(rows.getString(1)).isLessThanOrEqualTo(CHAT_SLOTS);
      }
    }
  }

  /** Open inquiry id to its operator. */
  private Map<String, String> held() throws SQLException {
    Map<String, String> held = new HashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select id::text, operator_id from routing.inquiry where status = 'ASSIGNED'")) {
      while (rows.next()) {
        held.put(rows.getString(1), rows.getString(2));
      }
    }
    return held;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
