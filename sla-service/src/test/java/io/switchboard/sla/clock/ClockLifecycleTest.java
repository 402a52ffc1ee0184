package io.switchboard.sla.clock;

import static io.restassured.RestAssured.given;
import static io.switchboard.sla.clock.SlaEvents.customerReplied;
import static io.switchboard.sla.clock.SlaEvents.operatorReplied;
import static io.switchboard.sla.clock.SlaEvents.prioritized;
import static io.switchboard.sla.clock.SlaEvents.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockPaused;
import io.switchboard.contracts.ClockResumed;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.ClockStopped;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.Topics;
import io.switchboard.testing.DevTokens;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clocks following the inquiry lifecycle, on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ClockLifecycleTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

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
  void firstOperatorReplyStopsTheFirstResponseClock() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    String id = received.inquiryId();
    kafka.publish(received);
    kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));

    kafka.publish(operatorReplied(id, received.occurredAt().plusSeconds(30)));

    ClockStopped stopped = kafka.awaitEvent(ClockStopped.class, e -> e.inquiryId().equals(id));
    assertThat(stopped.clock()).isEqualTo(ClockKind.FIRST_RESPONSE);
    assertThat(stopped.met()).isTrue();
    assertThat(stopped.elapsedSeconds()).isEqualTo(30);
    assertThat(stopped.stoppedAt()).isEqualTo(received.occurredAt().plusSeconds(30));
    assertThat(stopped.dueAt()).isEqualTo(received.occurredAt().plus(Duration.ofMinutes(2)));
    assertThat(pendingTimers(id, ClockKind.FIRST_RESPONSE)).isZero();
    assertThat(status(id, ClockKind.FIRST_RESPONSE)).isEqualTo("STOPPED");
    assertThat(status(id, ClockKind.RESOLUTION)).isEqualTo("RUNNING");

    given()
        .auth()
        .oauth2(DevTokens.of("duty-1", "operator"))
        .get("/sla/inquiries/{id}/clocks", id)
        .then()
        .statusCode(200)
        .body("find { it.clock == 'FIRST_RESPONSE' }.status", is("STOPPED"))
        .body("find { it.clock == 'FIRST_RESPONSE' }.met", is(true))
        .body("find { it.clock == 'FIRST_RESPONSE' }.rule", is("first-response-chat"))
        .body("find { it.clock == 'RESOLUTION' }.status", is("RUNNING"));
    given()
        .auth()
        .oauth2(DevTokens.of("duty-1", "operator"))
        .get("/sla/inquiries/{id}/clocks", UUID.randomUUID())
        .then()
        .statusCode(404);
    given().get("/sla/inquiries/{id}/clocks", id).then().statusCode(401);
  }

  @Test
  void anAnswerRecordedThroughTheOperatorApiStopsTheFirstResponseClock() throws SQLException {
    // POST /api/inquiries/{id}/replies reaches sla-service only as routing's status change. A
    // chat's first response counts calendar time, so the elapsed time does not depend on whether
    // the test runs within the office calendar's hours.
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    String id = received.inquiryId();
    kafka.publish(received);
    kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));

    kafka.publish(
        new InquiryStatusChanged(
            EventIds.next(),
            id,
            received.occurredAt().plusSeconds(19),
            InquiryStatusChanged.SCHEMA_VERSION,
            InquiryStatus.ACCEPTED,
            InquiryStatus.WAITING_ON_CUSTOMER,
            "duty-1",
            "operator replied",
            true));

    ClockStopped stopped =
        kafka.awaitEvent(
            ClockStopped.class,
            e -> e.inquiryId().equals(id) && e.clock() == ClockKind.FIRST_RESPONSE);
    assertThat(stopped.stoppedAt()).isEqualTo(received.occurredAt().plusSeconds(19));
    assertThat(stopped.elapsedSeconds()).isEqualTo(19);
    assertThat(pendingTimers(id, ClockKind.FIRST_RESPONSE))
        .as("no warning, breach or escalation for an answered inquiry")
        .isZero();
    assertThat(status(id, ClockKind.RESOLUTION))
        .as("waiting on the customer pauses the resolution clock")
        .isEqualTo("PAUSED");
  }

  @Test
  void nextResponseRunsFromTheCustomerReplyUntilTheOperatorAnswers() {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();
    String id = received.inquiryId();
    Instant t = received.occurredAt();
    kafka.publish(received);
    kafka.publish(operatorReplied(id, t.plusSeconds(60)));
    kafka.awaitEvent(ClockStopped.class, e -> e.inquiryId().equals(id));

    kafka.publish(customerReplied(id, t.plusSeconds(300)));
    ClockStarted next =
        kafka.awaitEvent(
            ClockStarted.class,
            e -> e.inquiryId().equals(id) && e.clock() == ClockKind.NEXT_RESPONSE);
    assertThat(next.startedAt()).isEqualTo(t.plusSeconds(300));
    assertThat(next.dueAt()).isEqualTo(t.plusSeconds(420));

    // A second reply before the answer: the customer has been waiting since the first one.
    kafka.publish(customerReplied(id, t.plusSeconds(360)));
    kafka.publish(operatorReplied(id, t.plusSeconds(480)));

    ClockStopped stopped =
        kafka.awaitEvent(
            ClockStopped.class,
            e -> e.inquiryId().equals(id) && e.clock() == ClockKind.NEXT_RESPONSE);
    assertThat(stopped.met()).isFalse();
    assertThat(stopped.elapsedSeconds()).isEqualTo(180);
    assertThat(
            kafka.eventsSoFar(
                ClockStarted.class,
                e -> e.inquiryId().equals(id) && e.clock() == ClockKind.NEXT_RESPONSE))
        .containsExactly(next);
  }

  @Test
  void resolutionPausesWhileWaitingOnTheCustomerAndResumesOnTheirReply() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.EMAIL).build();
    String id = received.inquiryId();
    Instant t = received.occurredAt();
    // P1: resolved within 4 hours around the clock, so the figures do not depend on the hour.
    kafka.publish(prioritized(id, t, Priority.P1));
    kafka.publish(received);
    kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));
    awaitDue(id, ClockKind.RESOLUTION, t.plus(Duration.ofHours(4)));

    kafka.publish(
        statusChanged(
            id,
            t.plus(Duration.ofHours(1)),
            InquiryStatus.ACCEPTED,
            InquiryStatus.WAITING_ON_CUSTOMER));
    ClockPaused paused = kafka.awaitEvent(ClockPaused.class, e -> e.inquiryId().equals(id));
    assertThat(paused.clock()).isEqualTo(ClockKind.RESOLUTION);
    assertThat(paused.remainingSeconds()).isEqualTo(3 * 3600);
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> pendingTimers(id, ClockKind.RESOLUTION) == 0);

    kafka.publish(customerReplied(id, t.plus(Duration.ofHours(3))));
    ClockResumed resumed = kafka.awaitEvent(ClockResumed.class, e -> e.inquiryId().equals(id));
    assertThat(resumed.resumedAt()).isEqualTo(t.plus(Duration.ofHours(3)));
    assertThat(resumed.dueAt()).isEqualTo(t.plus(Duration.ofHours(6)));
    assertThat(pendingTimers(id, ClockKind.RESOLUTION)).isPositive();

    kafka.publish(
        statusChanged(
            id, t.plus(Duration.ofHours(7)), InquiryStatus.ACCEPTED, InquiryStatus.RESOLVED));
    ClockStopped stopped =
        kafka.awaitEvent(
            ClockStopped.class, e -> e.inquiryId().equals(id) && e.clock() == ClockKind.RESOLUTION);
    assertThat(stopped.met()).isFalse();
    assertThat(stopped.elapsedSeconds()).isEqualTo(5 * 3600);
    assertThat(status(id, ClockKind.FIRST_RESPONSE)).isEqualTo("STOPPED");
    assertThat(pendingTimers(id, ClockKind.RESOLUTION)).isZero();
  }

  @Test
  void reopenedInquiryResumesItsResolutionClock() {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.EMAIL).build();
    String id = received.inquiryId();
    Instant t = received.occurredAt();
    kafka.publish(prioritized(id, t, Priority.P1));
    kafka.publish(received);
    awaitDue(id, ClockKind.RESOLUTION, t.plus(Duration.ofHours(4)));
    kafka.publish(
        statusChanged(id, t.plusSeconds(600), InquiryStatus.ACCEPTED, InquiryStatus.RESOLVED));
    kafka.awaitEvent(
        ClockStopped.class, e -> e.inquiryId().equals(id) && e.clock() == ClockKind.RESOLUTION);

    kafka.publish(
        statusChanged(id, t.plusSeconds(3600), InquiryStatus.RESOLVED, InquiryStatus.REOPENED));

    ClockResumed resumed = kafka.awaitEvent(ClockResumed.class, e -> e.inquiryId().equals(id));
    assertThat(resumed.dueAt()).isEqualTo(t.plusSeconds(3600 + 4 * 3600 - 600));
  }

  @Test
  void priorityFromRoutingMovesTheDeadline() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.WEB_FORM).build();
    String id = received.inquiryId();
    kafka.publish(received);
    kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));

    kafka.publish(prioritized(id, received.occurredAt().plusSeconds(1), Priority.P1));

    Instant due = received.occurredAt().plus(Duration.ofHours(4));
    awaitDue(id, ClockKind.RESOLUTION, due);
    assertThat(
            count(
                "select count(*) from sla.sla_timer t join sla.sla_clock c on c.id = t.clock_id"
                    + " where c.inquiry_id = ?::uuid and c.kind = 'RESOLUTION'"
                    + " and t.kind = 'BREACH' and t.fired_at is null and t.due_at = ?::timestamptz",
                id,
                due.toString()))
        .isEqualTo(1);
  }

  @Test
  void machineWrittenInquiryStartsNoClock() throws SQLException {
    InquiryReceived automatic = EventFixtures.inquiryReceived().automatic(true).build();
    var record = kafka.publish(automatic);
    kafka.awaitConsumed("sla-service", kafka.topic(Topics.INQUIRIES_INBOUND), record);

    assertThat(
            count(
                "select count(*) from sla.sla_clock where inquiry_id = ?::uuid",
                automatic.inquiryId()))
        .isZero();
    assertThat(
            kafka.eventsSoFar(ClockStarted.class, e -> e.inquiryId().equals(automatic.inquiryId())))
        .isEmpty();

    // A person writing in the thread of the auto-reply now waits for an answer.
    Instant written = automatic.occurredAt().plusSeconds(600);
    kafka.publish(customerReplied(automatic.inquiryId(), written));
    ClockStarted first =
        kafka.awaitEvent(
            ClockStarted.class,
            e ->
                e.inquiryId().equals(automatic.inquiryId())
                    && e.clock() == ClockKind.FIRST_RESPONSE);
    assertThat(first.startedAt()).isEqualTo(written);
    assertThat(status(automatic.inquiryId(), ClockKind.RESOLUTION)).isEqualTo("RUNNING");
  }

  @Test
  void poisonLifecycleRecordGoesToItsOwnDeadLetterTopic() {
    String key = UUID.randomUUID().toString();
    kafka.publishRaw(
        kafka.topic(Topics.INQUIRIES_LIFECYCLE),
        key,
        "{\"not\": \"an event\"}",
        Map.of(CloudEvents.TYPE, "switchboard.inquiry.status-changed"));

    var dead =
        kafka.awaitRecord(
            kafka.topic(Topics.deadLetter(Topics.INQUIRIES_LIFECYCLE, "sla")),
            r -> key.equals(r.key()));
    assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isNotBlank();
  }

  private void awaitDue(String inquiryId, ClockKind kind, Instant due) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from sla.sla_clock where inquiry_id = ?::uuid"
                            + " and kind = ? and due_at = ?::timestamptz",
                        inquiryId,
                        kind.name(),
                        due.truncatedTo(ChronoUnit.MICROS).toString())
                    == 1);
  }

  private long pendingTimers(String inquiryId, ClockKind kind) throws SQLException {
    return count(
        "select count(*) from sla.sla_timer t join sla.sla_clock c on c.id = t.clock_id"
            + " where c.inquiry_id = ?::uuid and c.kind = ? and t.fired_at is null",
        inquiryId,
        kind.name());
  }

  private String status(String inquiryId, ClockKind kind) throws SQLException {
    try (Connection connection = database();
        var statement =
            connection.prepareStatement(
                "select status from sla.sla_clock where inquiry_id = ?::uuid and kind = ?")) {
      statement.setString(1, inquiryId);
      statement.setString(2, kind.name());
      ResultSet row = statement.executeQuery();
      return row.next() ? row.getString(1) : null;
    }
  }

  private long count(String sql, String... parameters) throws SQLException {
    try (Connection connection = database();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      ResultSet rows = statement.executeQuery();
      rows.next();
      return rows.getLong(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, dbUser, "");
  }
}
