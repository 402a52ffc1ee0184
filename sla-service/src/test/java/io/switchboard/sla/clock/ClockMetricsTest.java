package io.switchboard.sla.clock;

import static io.restassured.RestAssured.given;
import static io.switchboard.sla.clock.SlaEvents.operatorReplied;
import static io.switchboard.sla.clock.SlaEvents.prioritized;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.ClockStopped;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.Topics;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.PrometheusScrape;
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

/** The catalogued SLA series, read from {@code /q/metrics} after real clock events. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ClockMetricsTest {
  private static final String STOPPED = "switchboard_sla_clocks_stopped_total";
  private static final String STARTED = "switchboard_sla_clocks_started_total";
  private static final String ELAPSED = "switchboard_sla_clock_elapsed_seconds";

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
  void aFirstResponseGivenLateCountsAsNotMetWithItsPriorityAndElapsedTime() throws Exception {
    Map<String, String> firstChat = Map.of("clock", "FIRST_RESPONSE", "channel", "CHAT");
    Map<String, String> late = tags(firstChat, "priority", "P1", "met", "false");
    Map<String, String> elapsedP1 = tags(firstChat, "priority", "P1");
    PrometheusScrape before = scrape();

    // A chat promises a first response within 2 minutes; this one was written 3 minutes ago.
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .channel(Channel.CHAT)
            .occurredAt(now.minus(Duration.ofMinutes(3)))
            .build();
    String id = received.inquiryId();
    kafka.publish(received);
    kafka.awaitEvent(ClockStarted.class, e -> e.inquiryId().equals(id));
    kafka.publish(prioritized(id, now, Priority.P1));
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "P1".equals(priorityOf(id)));
    kafka.publish(operatorReplied(id, now));
    ClockStopped stopped =
        kafka.awaitEvent(
            ClockStopped.class,
            e -> e.inquiryId().equals(id) && e.clock().name().equals("FIRST_RESPONSE"));
    assertThat(stopped.met()).isFalse();

    PrometheusScrape after = scrape();
    assertThat(after.sum(STOPPED, late)).isEqualTo(before.sum(STOPPED, late) + 1);
    assertThat(after.sum(STARTED, tags(firstChat, "priority", "P3")))
        .as("started before routing decided: the default P3")
        .isGreaterThanOrEqualTo(before.sum(STARTED, tags(firstChat, "priority", "P3")) + 1);
    assertThat(after.sum(ELAPSED + "_count", elapsedP1))
        .isEqualTo(before.sum(ELAPSED + "_count", elapsedP1) + 1);
    // 180 s: above the 120 s bucket, within the 300 s one.
    assertThat(after.sum(ELAPSED + "_bucket", tags(elapsedP1, "le", "120.0")))
        .isEqualTo(before.sum(ELAPSED + "_bucket", tags(elapsedP1, "le", "120.0")));
    assertThat(after.sum(ELAPSED + "_bucket", tags(elapsedP1, "le", "300.0")))
        .isEqualTo(before.sum(ELAPSED + "_bucket", tags(elapsedP1, "le", "300.0")) + 1);
    assertThat(after.buckets(ELAPSED, elapsedP1))
        .contains("30.0", "120.0", "900.0", "3600.0", "86400.0", "259200.0", "+Inf");
  }

  @Test
  void aPoisonRecordCountsAsAFailureAndADeadLetterOfItsIncomingChannel() {
    Map<String, String> inbound = Map.of("incoming", "inquiries-inbound");
    PrometheusScrape before = scrape();
    String key = UUID.randomUUID().toString();
    kafka.publishRaw(
        kafka.topic(Topics.INQUIRIES_INBOUND),
        key,
        "{\"not\": \"an inquiry\"}",
        Map.of(CloudEvents.TYPE, "switchboard.inquiry.received"));
    kafka.awaitRecord(
        kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "sla")), r -> key.equals(r.key()));

    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              PrometheusScrape after = scrape();
              assertThat(after.sum("switchboard_messaging_dead_letters_total", inbound))
                  .isEqualTo(before.sum("switchboard_messaging_dead_letters_total", inbound) + 1);
              assertThat(after.sum("switchboard_messaging_failures_total", inbound))
                  .isEqualTo(before.sum("switchboard_messaging_failures_total", inbound) + 1);
            });
    assertThat(
            scrape()
                .has(
                    "switchboard_messaging_dead_letters_total",
                    Map.of("incoming", "inquiries-lifecycle")))
        .as("every dead-lettering channel starts at zero")
        .isTrue();
  }

  @Test
  void kafkaConsumerLagIsExported() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                scrape().samples().stream()
                    .anyMatch(
                        s -> s.name().equals("kafka_consumer_fetch_manager_records_lag_max")));
  }

  @Test
  void knownCombinationsStartAtZero() {
    PrometheusScrape scrape = scrape();
    assertThat(
            scrape.has(
                STOPPED,
                Map.of(
                    "clock", "RESOLUTION", "channel", "TELEGRAM", "priority", "P4", "met", "true")))
        .isTrue();
    assertThat(
            scrape.has(
                "switchboard_sla_timers_fired_total",
                Map.of("kind", "ESCALATION", "channel", "PHONE", "priority", "P1")))
        .isTrue();
    assertThat(
            scrape.has(
                "switchboard_sla_clocks_overdue",
                Map.of("clock", "NEXT_RESPONSE", "channel", "EMAIL")))
        .isTrue();
    assertThat(scrape.has("switchboard_sla_timers_pending", Map.of())).isTrue();
  }

  @Test
  void exportsOnlyCataloguedSeriesAndTags() {
    scrape().assertConformsToCatalogue();
  }

  private static Map<String, String> tags(Map<String, String> base, String... more) {
    var all = new java.util.HashMap<>(base);
    for (int i = 0; i < more.length; i += 2) {
      all.put(more[i], more[i + 1]);
    }
    return all;
  }

  private String priorityOf(String inquiryId) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, "");
        var statement =
            c.prepareStatement("select priority from sla.sla_inquiry where inquiry_id = ?")) {
      statement.setObject(1, UUID.fromString(inquiryId));
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  private static PrometheusScrape scrape() {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString());
  }
}
