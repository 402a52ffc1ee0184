package io.switchboard.routing.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Supervisors move inquiries between two teams in both directions at once: every transfer locks
 * both teams, and none may end in a deadlock (HTTP 500) or put an operator above capacity.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OppositeTransfersTest extends RoutingTestBase {
  private static final int PER_TEAM = 8;
  private static final int ROUNDS = 3;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void oppositeTransfersBetweenTwoTeamsNeverFailAndRespectCapacity() throws Exception {
    String east = unique("east");
    String west = unique("west");
    List<String> operators = new ArrayList<>();
    for (String team : List.of(east, west)) {
      createTeam(team);
      for (int i = 0; i < 2; i++) {
        String operator = team + "-op" + i;
        createOperator(operator, team);
        online(operator);
        operators.add(operator);
      }
    }
    // Chats (one slot each) and e-mails (five each): part of them queue, part are assigned.
    List<String> inEast = new ArrayList<>();
    List<String> inWest = new ArrayList<>();
    for (int i = 0; i < 2 * PER_TEAM; i++) {
      InquiryReceived received =
          EventFixtures.inquiryReceived()
              .channel(i % 2 == 0 ? Channel.CHAT : Channel.EMAIL)
              .build();
      kafka.publish(received);
      awaitRouted(received.inquiryId());
      transfer(received.inquiryId(), i < PER_TEAM ? east : west).statusCode(200);
      (i < PER_TEAM ? inEast : inWest).add(received.inquiryId());
    }

    ExecutorService supervisors = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String from = round % 2 == 0 ? east : west;
        String to = round % 2 == 0 ? west : east;
        List<CompletableFuture<Integer>> transfers = new ArrayList<>();
        for (int i = 0; i < PER_TEAM; i++) {
          String towardsTo = inEast.get(i);
          String towardsFrom = inWest.get(i);
          transfers.add(
              CompletableFuture.supplyAsync(
                  () -> transfer(towardsTo, to).extract().statusCode(), supervisors));
          transfers.add(
              CompletableFuture.supplyAsync(
                  () -> transfer(towardsFrom, from).extract().statusCode(), supervisors));
        }
        List<Integer> statuses = transfers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).as("round %d", round).containsOnly(200);
        assertWithinCapacity(operators);
        List<String> swap = inEast;
        inEast = inWest;
        inWest = swap;
      }
    } finally {
      supervisors.shutdownNow();
    }
    assertThat(
            count("select count(*) from routing.inquiry where team_id in ('%s', '%s')", east, west))
        .isEqualTo(2 * PER_TEAM);
  }

  private static io.restassured.response.ValidatableResponse transfer(
      String inquiryId, String team) {
    return post(ADMIN, "/api/inquiries/" + inquiryId + "/transfer", Map.of("teamId", team));
  }

  private static void awaitRouted(String inquiryId) {
    await()
        .atMost(Duration.ofSeconds(45))
        .untilAsserted(
            () ->
                given()
                    .auth()
                    .oauth2(ADMIN)
                    .get("/api/inquiries/{id}", inquiryId)
                    .then()
                    .statusCode(200)
                    .body("status", oneOf("ASSIGNED", "QUEUED")));
  }

  private static void online(String operator) {
    given()
        .auth()
        .oauth2(DevTokens.of(operator, "operator"))
        .contentType(ContentType.JSON)
        .body(Map.of("presence", "ONLINE"))
        .put("/api/operators/me/presence")
        .then()
        .statusCode(200);
  }

  /** createOperator gives one chat slot and five of every other channel. */
  private void assertWithinCapacity(List<String> operators) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select operator_id, channel, count(*) from routing.inquiry where status in"
                        + " ('ASSIGNED','ACCEPTED','WAITING_ON_CUSTOMER','REOPENED')"
                        + " and operator_id in ('"
                        + String.join("','", operators)
                        + "') group by operator_id, channel")) {
      while (rows.next()) {
        long limit = "CHAT".equals(rows.getString(2)) ? 1 : 5;
        assertThat(rows.getLong(3))
            .as(rows.getString(1) + " on " + rows.getString(2))
            .isLessThanOrEqualTo(limit);
      }
    }
  }

  private long count(String sql, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows = c.createStatement().executeQuery(sql.formatted(args))) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
