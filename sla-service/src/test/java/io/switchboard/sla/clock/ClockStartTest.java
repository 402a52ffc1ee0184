package io.switchboard.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Topics;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sla-service on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ClockStartTest {
  private static final String MOSCOW = "Europe/Moscow";

  /**
   * Tuesday 11:19 in Moscow, within the built-in office calendar's hours (Mon–Fri 09–18). Years
   * ahead, so that no timer of these clocks falls due while the tests run.
   */
  private static final Instant TUESDAY_MORNING = Instant.parse("2030-03-05T08:19:00Z");

  /** Tuesday 20:30 in Moscow: the office opens again on Wednesday at 09:00. */
  private static final Instant TUESDAY_EVENING = Instant.parse("2030-03-05T17:30:00Z");

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
  void chatInquiryStartsATwoMinuteFirstResponseClock() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().channel(Channel.CHAT).build();

    kafka.publish(received);

    ClockStarted started =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(started.clock()).isEqualTo(ClockKind.FIRST_RESPONSE);
    assertThat(started.channel()).isEqualTo(Channel.CHAT);
    assertThat(started.startedAt()).isEqualTo(received.occurredAt());
    assertThat(started.dueAt()).isEqualTo(received.occurredAt().plus(Duration.ofMinutes(2)));
    assertThat(started.targetSeconds()).isEqualTo(120);
    assertThat(started.businessTime()).isFalse();

    try (Connection connection = database();
        var statement =
            connection.prepareStatement(
                "select kind, channel, status, started_at, due_at, target_seconds"
                    + " from sla.sla_clock where inquiry_id = ?::uuid and kind = 'FIRST_RESPONSE'")) {
      statement.setString(1, received.inquiryId());
      ResultSet row = statement.executeQuery();
      assertThat(row.next()).as("sla_clock row").isTrue();
      assertThat(row.getString("kind")).isEqualTo("FIRST_RESPONSE");
      assertThat(row.getString("channel")).isEqualTo("CHAT");
      assertThat(row.getString("status")).isEqualTo("RUNNING");
      // PostgreSQL keeps microseconds; the event keeps whatever the clock gave.
      assertThat(row.getTimestamp("started_at").toInstant())
          .isCloseTo(started.startedAt(), within(1, ChronoUnit.MICROS));
      assertThat(row.getTimestamp("due_at").toInstant())
          .isCloseTo(started.dueAt(), within(1, ChronoUnit.MICROS));
      assertThat(row.getLong("target_seconds")).isEqualTo(120);
      assertThat(row.next()).as("a second row").isFalse();
    }
  }

  @Test
  void aChatClockTellsItsDueTimeInTheHomeZone() {
    InquiryReceived received =
        EventFixtures.inquiryReceived().channel(Channel.CHAT).occurredAt(TUESDAY_EVENING).build();

    kafka.publish(received);

    ClockStarted started =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(started.zone()).as("sla.time-zone, Europe/Moscow by default").isEqualTo(MOSCOW);
    assertThat(started.businessTime()).isFalse();
    assertThat(started.offHours()).as("a chat is answered around the clock").isFalse();
  }

  @Test
  void aWebFormWrittenWithinOfficeHoursIsNotOffHours() {
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .channel(Channel.WEB_FORM)
            .occurredAt(TUESDAY_MORNING)
            .build();

    kafka.publish(received);

    ClockStarted started =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(started.businessTime()).isTrue();
    assertThat(started.zone()).isEqualTo(MOSCOW);
    assertThat(started.offHours()).isFalse();
    assertThat(started.dueAt())
        .as("12:19 Moscow time")
        .isEqualTo(Instant.parse("2030-03-05T09:19:00Z"));
  }

  @Test
  void aWebFormWrittenAfterOfficeHoursIsOffHoursAndDueTheNextMorning() {
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .channel(Channel.WEB_FORM)
            .occurredAt(TUESDAY_EVENING)
            .build();

    kafka.publish(received);

    ClockStarted started =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(started.businessTime()).isTrue();
    assertThat(started.zone()).isEqualTo(MOSCOW);
    assertThat(started.offHours()).isTrue();
    assertThat(started.dueAt())
        .as("Wednesday 10:00 Moscow time")
        .isEqualTo(Instant.parse("2030-03-06T07:00:00Z"));
  }

  @Test
  void redeliveredEventStartsTheClockOnce() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    kafka.publish(received);
    kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(received.inquiryId()));

    var duplicate = kafka.publish(received);
    kafka.awaitConsumed("sla-service", kafka.topic(Topics.INQUIRIES_INBOUND), duplicate);

    // Outbox first: a ClockStarted staged for the duplicate is either still there or, once the
    // relay deleted it, already on the topic.
    assertThat(
            count(
                "select count(*) from sla.outbox_message where record_key = ?",
                received.inquiryId()))
        .isZero();
    assertThat(
            kafka.eventsSoFar(ClockStarted.class, e -> e.inquiryId().equals(received.inquiryId())))
        .hasSize(1);
    assertThat(
            count(
                "select count(*) from sla.sla_clock where inquiry_id = ?::uuid",
                received.inquiryId()))
        .as("a first-response and a resolution clock")
        .isEqualTo(2);
  }

  @Test
  void inquiryReceivedAgainUnderANewEventIdKeepsItsClock() throws SQLException {
    InquiryReceived first = EventFixtures.inquiryReceived().channel(Channel.PHONE).build();
    kafka.publish(first);
    ClockStarted started =
        kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(first.inquiryId()));

    InquiryReceived again =
        EventFixtures.inquiryReceived()
            .inquiryId(first.inquiryId())
            .occurredAt(first.occurredAt().plusSeconds(600))
            .channel(Channel.PHONE)
            .build();
    var record = kafka.publish(again);
    kafka.awaitConsumed("sla-service", kafka.topic(Topics.INQUIRIES_INBOUND), record);

    assertThat(
            count(
                "select count(*) from sla.outbox_message where record_key = ?", first.inquiryId()))
        .isZero();
    assertThat(kafka.eventsSoFar(ClockStarted.class, e -> e.inquiryId().equals(first.inquiryId())))
        .containsExactly(started);
    assertThat(
            count(
                "select count(*) from sla.sla_clock where inquiry_id = ?::uuid"
                    + " and due_at = started_at + interval '15 minutes'",
                first.inquiryId()))
        .isEqualTo(1);
    assertThat(
            count(
                "select count(*) from sla.processed_event where consumer = 'sla-service'"
                    + " and event_id in (?::uuid, ?::uuid)",
                first.eventId().toString(),
                again.eventId().toString()))
        .as("both deliveries committed, neither dead-lettered")
        .isEqualTo(2);
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicWithItsReason() {
    String key = UUID.randomUUID().toString();
    kafka.publishRaw(
        kafka.topic(Topics.INQUIRIES_INBOUND),
        key,
        "{\"this is\": \"not an inquiry\"}",
        Map.of(CloudEvents.TYPE, "switchboard.inquiry.received"));

    var dead =
        kafka.awaitRecord(
            kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "sla")),
            r -> key.equals(r.key()));
    assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("lacks");
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
