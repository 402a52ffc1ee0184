package io.switchboard.sla.timer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.SlaWarning;
import io.switchboard.contracts.Topics;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Durable timers on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class TimerFiringTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  @Inject TimerFiring firing;
  @Inject TimerPoller poller;
  @Inject Vertx vertx;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers, topicPrefix);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void warningBreachAndEscalationLevelsFireOnTimeAndOnce() {
    // Received 1 min 52 s ago on a chat: the 2-minute first response falls due in 8 s; the test
    // profile warns 2 s before and escalates 1, 2 and 3 s after.
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .channel(Channel.CHAT)
            .occurredAt(now.minus(Duration.ofSeconds(112)))
            .build();
    String id = received.inquiryId();
    kafka.publish(received);
    ClockStarted started = kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));
    Instant due = started.dueAt();

    SlaWarning warning = kafka.awaitEvent(SlaWarning.class, e -> e.inquiryId().equals(id));
    assertThat(warning.clock()).isEqualTo(ClockKind.FIRST_RESPONSE);
    assertThat(warning.dueAt()).isEqualTo(due);
    assertThat(warning.occurredAt()).isBetween(due.minusSeconds(2), due.minusSeconds(1));

    SlaBreached breached = kafka.awaitEvent(SlaBreached.class, e -> e.inquiryId().equals(id));
    assertThat(breached.channel()).isEqualTo(Channel.CHAT);
    assertThat(breached.occurredAt()).isBetween(due, due.plusSeconds(1));

    for (int level = 1; level <= 3; level++) {
      int expected = level;
      SlaEscalated escalated =
          kafka.awaitEvent(
              SlaEscalated.class, e -> e.inquiryId().equals(id) && e.level() == expected);
      assertThat(escalated.occurredAt())
          .isBetween(due.plusSeconds(level), due.plusSeconds(level + 1));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("select count(*) from sla.outbox_message") == 0);
    assertThat(kafka.eventsSoFar(SlaWarning.class, e -> e.inquiryId().equals(id))).hasSize(1);
    assertThat(kafka.eventsSoFar(SlaBreached.class, e -> e.inquiryId().equals(id))).hasSize(1);
    assertThat(kafka.eventsSoFar(SlaEscalated.class, e -> e.inquiryId().equals(id))).hasSize(3);
  }

  @Test
  void timersThatFellDueWhileThePollerWasDownFireOnceRightAfterItStarts() throws SQLException {
    List<String> inquiries;
    poller.stop(null);
    try {
      // As a stopped service leaves them: pending, and due an hour ago.
      inquiries = insertDueTimers(5, Instant.now().minus(Duration.ofHours(1)));
    } finally {
      poller.start(null, vertx);
    }
    Instant started = Instant.now();

    for (String id : inquiries) {
      SlaBreached breached = kafka.awaitEvent(SlaBreached.class, e -> e.inquiryId().equals(id));
      assertThat(breached.clock()).isEqualTo(ClockKind.FIRST_RESPONSE);
      assertThat(breached.occurredAt()).isBetween(started.minusSeconds(1), started.plusSeconds(2));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> count("select count(*) from sla.outbox_message") == 0);
    for (String id : inquiries) {
      assertThat(kafka.eventsSoFar(SlaBreached.class, e -> e.inquiryId().equals(id))).hasSize(1);
    }
  }

  @Test
  void timersOfAnInquiryThatFellDueTogetherGoOutInTheOrderTheyWerePlanned() throws Exception {
    String id;
    poller.stop(null);
    try {
      // As a stopped service leaves them: a warning, the breach and an escalation, all overdue, so
      // that one claim takes them together.
      Instant due = Instant.now().minusSeconds(60);
      id = insertDueTimers(1, due).getFirst();
      try (Connection connection = database();
          var timer =
              connection.prepareStatement(
                  "insert into sla.sla_timer (id, clock_id, kind, level, due_at) select"
                      + " gen_random_uuid(), c.id, ?, ?, ? from sla.sla_clock c"
                      + " where c.inquiry_id = ?::uuid")) {
        for (Object[] extra :
            new Object[][] {
              {"ESCALATION", 1, due.plusSeconds(5)}, {"WARNING", 1, due.minusSeconds(2)}
            }) {
          timer.setString(1, (String) extra[0]);
          timer.setInt(2, (Integer) extra[1]);
          timer.setTimestamp(3, java.sql.Timestamp.from((Instant) extra[2]));
          timer.setString(4, id);
          timer.executeUpdate();
        }
      }
    } finally {
      poller.start(null, vertx);
    }

    kafka.awaitEvent(SlaEscalated.class, e -> e.inquiryId().equals(id));
    List<String> order =
        kafka.recordsSoFar(kafka.topic(Topics.SLA_EVENTS)).stream()
            .filter(r -> id.equals(r.key()))
            .map(r -> KafkaTestClient.header(r, CloudEvents.TYPE))
            .toList();
    assertThat(order)
        .containsExactly(
            "switchboard.sla.warning", "switchboard.sla.breached", "switchboard.sla.escalated");
  }

  @Test
  void concurrentPollersFireEachTimerExactlyOnce() throws Exception {
    int timers = 400;
    List<String> inquiries = insertDueTimers(timers, Instant.now().minusSeconds(5));

    // Four pollers besides the service's own, each on its own Vert.x context as another instance
    // would be, racing for the same rows until none is left.
    List<CompletableFuture<Integer>> pollers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      pollers.add(drain());
    }
    int firedByRacers = 0;
    for (CompletableFuture<Integer> poller : pollers) {
      firedByRacers += poller.get(60, TimeUnit.SECONDS);
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from sla.sla_timer t join sla.sla_clock c on"
                            + " c.id = t.clock_id where c.rule = 'inserted' and t.fired_at is null")
                    == 0);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("select count(*) from sla.outbox_message") == 0);
    Set<String> expected = new HashSet<>(inquiries);
    List<SlaBreached> published =
        kafka.eventsSoFar(SlaBreached.class, e -> expected.contains(e.inquiryId()));
    assertThat(published).hasSize(timers);
    assertThat(published.stream().map(SlaBreached::inquiryId).collect(Collectors.toSet()))
        .isEqualTo(expected);
    assertThat(firedByRacers).as("the racing pollers fired some").isPositive();
  }

  @Test
  void firingsLagAndOpenClocksAreMetered() throws SQLException {
    String id = insertDueTimers(1, Instant.now().minusSeconds(1)).getFirst();
    kafka.awaitEvent(SlaBreached.class, e -> e.inquiryId().equals(id));

    Awaitility.await()
        .atMost(Duration.ofSeconds(40))
        .untilAsserted(
            () -> {
              String metrics =
                  given().get("/q/metrics").then().statusCode(200).extract().asString();
              assertThat(metrics)
                  .containsPattern(
                      "switchboard_sla_timers_fired_total\\{[^}]*kind=\"BREACH\"[^}]*priority=\"P2\"[^}]*\\}"
                          + " [1-9]")
                  .contains("switchboard_sla_timer_lag_seconds_bucket")
                  .containsPattern(
                      "switchboard_sla_clocks_open\\{[^}]*clock=\"FIRST_RESPONSE\",status=\"RUNNING\"\\}"
                          + " [1-9]");
            });
  }

  private CompletableFuture<Integer> drain() {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    var context = VertxContext.getOrCreateDuplicatedContext(vertx);
    io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle.setContextSafe(context, true);
    context.runOnContext(
        ignored -> drainFrom(0).subscribe().with(result::complete, result::completeExceptionally));
    return result;
  }

  private Uni<Integer> drainFrom(int total) {
    return firing
        .fireDue()
        .chain(fired -> fired == 0 ? Uni.createFrom().item(total) : drainFrom(total + fired));
  }

  /** Clocks with one pending breach timer each, written the way the service writes them. */
  private List<String> insertDueTimers(int n, Instant due) throws SQLException {
    List<String> inquiries = new ArrayList<>();
    try (Connection connection = database()) {
      connection.setAutoCommit(false);
      try (var inquiry =
              connection.prepareStatement(
                  "insert into sla.sla_inquiry (inquiry_id, channel, priority) values (?::uuid,"
                      + " 'CHAT', 'P2')");
          var clock =
              connection.prepareStatement(
                  "insert into sla.sla_clock (id, inquiry_id, kind, channel, started_at, due_at,"
                      + " target_seconds, status, rule, run_started_at) values (?::uuid, ?::uuid,"
                      + " 'FIRST_RESPONSE', 'CHAT', ?, ?, 120, 'RUNNING', 'inserted', ?)");
          var timer =
              connection.prepareStatement(
                  "insert into sla.sla_timer (id, clock_id, kind, level, due_at) values (?::uuid,"
                      + " ?::uuid, 'BREACH', 0, ?)")) {
        for (int i = 0; i < n; i++) {
          String inquiryId = UUID.randomUUID().toString();
          String clockId = UUID.randomUUID().toString();
          var dueAt = java.sql.Timestamp.from(due);
          var startedAt = java.sql.Timestamp.from(due.minusSeconds(120));
          inquiry.setString(1, inquiryId);
          inquiry.addBatch();
          clock.setString(1, clockId);
          clock.setString(2, inquiryId);
          clock.setTimestamp(3, startedAt);
          clock.setTimestamp(4, dueAt);
          clock.setTimestamp(5, startedAt);
          clock.addBatch();
          timer.setString(1, UUID.randomUUID().toString());
          timer.setString(2, clockId);
          timer.setTimestamp(3, dueAt);
          timer.addBatch();
          inquiries.add(inquiryId);
        }
        inquiry.executeBatch();
        clock.executeBatch();
        timer.executeBatch();
      }
      connection.commit();
    }
    return inquiries;
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database();
        var statement = connection.prepareStatement(sql)) {
      ResultSet rows = statement.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, dbUser, "");
  }
}
