package io.switchboard.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryForwarded;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.Topics;
import io.switchboard.routing.forwarding.ForwardReason;
import io.switchboard.routing.inquiry.InquiryRouter;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import jakarta.inject.Inject;
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
import java.util.concurrent.CyclicBarrier;
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
 * Every path that locks rows takes teams before inquiries ({@link Locks}). Here the paths run at
 * once on the same teams and inquiries: one that took an inquiry before its team, or two teams in
 * the order its events came, would deadlock with the others.
 */
@QuarkusTest
@TestProfile(LockOrderTest.EndlessForwarding.class)
@WithTestResource(SwitchboardTestResource.class)
class LockOrderTest extends RoutingTestBase {
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

  @Inject InquiryRouter router;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String brokers;

  /**
   * SLA escalations (the sla.events consumer), supervisors' transfers, reassignments and
   * acceptances (the operator API), presence changes and the accept timer. An escalation that
   * locked the inquiry before its team used to deadlock with transfers and end as a dead letter.
   */
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

  /**
   * Two inbound batches, each with replies to inquiries of two teams in opposite orders, applied at
   * once without the consumer's retries: a batch that locked each team as its event came would hold
   * one team while waiting for the other's.
   */
  @Test
  void inboundBatchesTouchingTwoTeamsInOppositeOrdersBothCommit() throws Exception {
    String north = unique("north");
    String south = unique("south");
    List<String> inNorth = assignedInquiries(north, 4);
    List<String> inSouth = assignedInquiries(south, 4);
    // Operator reply, customer reply, operator reply: each round moves every inquiry on.
    for (int round = 0; round < 3; round++) {
      boolean operatorTurn = round % 2 == 0;
      List<InquiryEvent> first = new ArrayList<>();
      List<InquiryEvent> second = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        first.add(reply(inNorth.get(i), operatorTurn));
        first.add(reply(inSouth.get(i), operatorTurn));
        second.add(reply(inSouth.get(2 + i), operatorTurn));
        second.add(reply(inNorth.get(2 + i), operatorTurn));
      }
      applyAtOnce(first, second);
      String expected = operatorTurn ? "WAITING_ON_CUSTOMER" : "ACCEPTED";
      for (String inquiry : concat(inNorth, inSouth)) {
        assertThat(status(inquiry)).as("%s after round %d", inquiry, round).isEqualTo(expected);
      }
    }
  }

  /** The reply's inquiry does not exist yet when the batch's teams are locked. */
  @Test
  void aReplyInTheSameBatchAsItsInquiryAppliesToIt() throws Throwable {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.TELEGRAM).build();
    VertxContextSupport.subscribeAndAwait(
        () ->
            Panache.withTransaction(
                () -> router.applyAll(List.of(received, reply(received.inquiryId(), true)))));
    assertThat(status(received.inquiryId())).isEqualTo("WAITING_ON_CUSTOMER");
  }

  /** Inquiries of a new team of two online operators, assigned (web forms: five slots each). */
  private List<String> assignedInquiries(String team, int count) throws SQLException {
    createTeam(team);
    for (int i = 0; i < 2; i++) {
      createOperator(team + "-op" + i, team);
      assertThat(presence(team + "-op" + i, "ONLINE")).isEqualTo(200);
    }
    List<String> inquiries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.WEB_FORM).build();
      kafka.publish(received);
      awaitRouted(received.inquiryId());
      assertThat(transfer(received.inquiryId(), team)).isEqualTo(200);
      assertThat(status(received.inquiryId())).isEqualTo("ASSIGNED");
      inquiries.add(received.inquiryId());
    }
    return inquiries;
  }

  private void applyAtOnce(List<InquiryEvent> first, List<InquiryEvent> second) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService consumers = Executors.newFixedThreadPool(2);
    try {
      List<CompletableFuture<Void>> batches = new ArrayList<>();
      for (List<InquiryEvent> batch : List.of(first, second)) {
        batches.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    start.await();
                    VertxContextSupport.subscribeAndAwait(
                        () -> Panache.withTransaction(() -> router.applyAll(batch)));
                  } catch (Throwable e) {
                    throw new IllegalStateException(e);
                  }
                },
                consumers));
      }
      // join() rethrows either batch's failure, e.g. a deadlock the database broke.
      CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
    } finally {
      consumers.shutdownNow();
    }
  }

  private static InquiryEvent reply(String inquiryId, boolean byOperator) {
    return byOperator
        ? new OperatorReplied(
            EventIds.next(),
            inquiryId,
            Instant.now(),
            OperatorReplied.SCHEMA_VERSION,
            Channel.WEB_FORM,
            null,
            "support@example.com",
            "reply-" + EventIds.next())
        : new CustomerReplied(
            EventIds.next(),
            inquiryId,
            Instant.now(),
            CustomerReplied.SCHEMA_VERSION,
            Channel.WEB_FORM,
            "and one more thing",
            false,
            List.of(),
            "message-" + EventIds.next(),
            false);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private String status(String inquiryId) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select status from routing.inquiry where id = '" + inquiryId + "'")) {
      return rows.next() ? rows.getString(1) : null;
    }
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
