package io.switchboard.routing.forwarding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.Topics;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * SLA escalations (the sla.events consumer), supervisors' transfers, reassignments and acceptances
 * (the operator API), presence changes and the accept-timeout timer all lock the same teams and
 * inquiries at once. Each takes teams before inquiries; one that took the inquiry first would
 * deadlock with a transfer, and an escalation aborted that way used to end as a dead letter.
 */
@QuarkusTest
@TestProfile(EscalationsDuringTransfersTest.EndlessForwarding.class)
@WithTestResource(SwitchboardTestResource.class)
class EscalationsDuringTransfersTest extends RoutingTestBase {
  private static final int INQUIRIES = 16;
  private static final int ROUNDS = 4;
  private static final String GROUP = "routing-service";

  /**
   * Every escalation forwards (and so locks the team) however often the inquiry was forwarded
   * before, and unaccepted e-mails are forwarded by the timer meanwhile.
   */
  public static class EndlessForwarding implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.forwarding.levels", "1000",
          "switchboard.routing.forwarding.accept-timeout.EMAIL", "1s",
          "switchboard.routing.forwarding.check-interval", "1s");
    }
  }

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String brokers;

  @Test
  void escalationsRacingOperatorActionsNeverDeadLetterNorFailAndRespectCapacity() throws Exception {
    String east = unique("east");
    String west = unique("west");
    List<String> operators = new ArrayList<>();
    for (String team : List.of(east, west)) {
      createTeam(team);
      for (int i = 0; i < 2; i++) {
        String operator = team + "-op" + i;
        createOperator(operator, team);
        assertThat(presence(operator, "ONLINE")).isEqualTo(200);
        operators.add(operator);
      }
    }
    List<String> inquiries = new ArrayList<>();
    Map<String, String> teamOf = new HashMap<>();
    for (int i = 0; i < INQUIRIES; i++) {
      // E-mails (five slots each) are assigned and forwarded; chats (one slot) partly queue.
      InquiryReceived received =
          EventFixtures.inquiryReceived()
              .channel(i % 4 == 0 ? Channel.CHAT : Channel.EMAIL)
              .build();
      kafka.publish(received);
      awaitRouted(received.inquiryId());
      String team = i % 2 == 0 ? east : west;
      assertThat(transfer(received.inquiryId(), team)).isEqualTo(200);
      inquiries.add(received.inquiryId());
      teamOf.put(received.inquiryId(), team);
    }

    List<Integer> statuses = new ArrayList<>();
    Map<Integer, RecordMetadata> lastEscalation = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        List<CompletableFuture<RecordMetadata>> escalations = new ArrayList<>();
        for (int i = 0; i < INQUIRIES; i++) {
          String inquiry = inquiries.get(i);
          String other = east.equals(teamOf.get(inquiry)) ? west : east;
          escalations.add(
              CompletableFuture.supplyAsync(() -> kafka.publish(escalation(inquiry)), pool));
          int action = (i + round) % 3;
          calls.add(
              CompletableFuture.supplyAsync(
                  () ->
                      switch (action) {
                        case 0 -> transfer(inquiry, other);
                        case 1 -> action(inquiry, "reassign");
                        default -> action(inquiry, "accept");
                      },
                  pool));
          if (action == 0) {
            teamOf.put(inquiry, other);
          }
        }
        for (String operator : operators) {
          calls.add(CompletableFuture.supplyAsync(() -> presence(operator, "ONLINE"), pool));
        }
        calls.stream().map(CompletableFuture::join).forEach(statuses::add);
        for (CompletableFuture<RecordMetadata> sent : escalations) {
          RecordMetadata written = sent.join();
          lastEscalation.merge(
              written.partition(), written, (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        assertWithinCapacity(operators);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses).as("HTTP statuses").isNotEmpty().allMatch(s -> s == 200 || s == 409);
    assertThat(statuses).as("some actions took effect").contains(200);
    for (RecordMetadata written : lastEscalation.values()) {
      kafka.awaitConsumed(GROUP, kafka.topic(Topics.SLA_EVENTS), written);
    }
    assertThat(recordsOn(kafka.topic(Topics.deadLetter(Topics.SLA_EVENTS, "routing"))))
        .as("escalations dead-lettered")
        .isZero();
    assertThat(
            kafka.eventsSoFar(
                InquiryForwarded.class,
                e ->
                    inquiries.contains(e.inquiryId())
                        && e.reason().startsWith(ForwardReason.SLA_ESCALATION.name())))
        .as("forwards by escalation")
        .isNotEmpty();
    assertWithinCapacity(operators);
    assertThat(
            count(
                "select count(*) from routing.inquiry where team_id in ('%s', '%s') and id in (%s)",
                east,
                west,
                inquiries.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","))))
        .isEqualTo(INQUIRIES);
  }

  private static SlaEscalated escalation(String inquiryId) {
    return new SlaEscalated(
        EventIds.next(),
        inquiryId,
        Instant.now(),
        SlaEscalated.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        Channel.EMAIL,
        Priority.P3,
        2,
        null,
        null);
  }

  private static int transfer(String inquiryId, String team) {
    return post(ADMIN, "/api/inquiries/" + inquiryId + "/transfer", Map.of("teamId", team))
        .extract()
        .statusCode();
  }

  private static int action(String inquiryId, String action) {
    return post(ADMIN, "/api/inquiries/" + inquiryId + "/" + action, null).extract().statusCode();
  }

  private static int presence(String operator, String presence) {
    return given()
        .auth()
        .oauth2(DevTokens.of(operator, "operator"))
        .contentType(ContentType.JSON)
        .body(Map.of("presence", presence))
        .put("/api/operators/me/presence")
        .then()
        .extract()
        .statusCode();
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

  /** Records written to a topic so far; none when nobody ever wrote to it. */
  private long recordsOn(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      Set<String> topics = admin.listTopics().names().get();
      if (!topics.contains(topic)) {
        return 0;
      }
      Map<TopicPartition, OffsetSpec> latest =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(ListOffsetsResultInfo::offset)
          .sum();
    }
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
