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
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.Topics;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.PrometheusScrape;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A burst read in batches, on the real broker and database: the two consumers apply many events of
 * the same inquiries per transaction, side by side, and every clock, timer and event still comes
 * out once and in order.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class ClockBurstTest {
  private static final int INQUIRIES = 200;

  /** Years ahead: no timer of these clocks falls due while the test runs. */
  private static final Instant WRITTEN = Instant.parse("2030-03-05T08:19:00Z");

  private static final Map<String, String> INBOUND = Map.of("incoming", "inquiries-inbound");

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
  void aBurstAppliedInBatchesGetsEachClockAndEventOnceAndInOrder() throws SQLException {
    PrometheusScrape before = scrape();
    List<InquiryEvent> burst = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> answered = new HashSet<>();
    for (int i = 0; i < INQUIRIES; i++) {
      InquiryReceived received =
          EventFixtures.inquiryReceived()
              .channel(i % 2 == 0 ? Channel.CHAT : Channel.EMAIL)
              .occurredAt(WRITTEN)
              .build();
      String id = received.inquiryId();
      ids.add(id);
      burst.add(received);
      if (i % 4 < 2) {
        // Routing's priority on the lifecycle topic races the receipt on the inbound one.
        burst.add(prioritized(id, WRITTEN.plusSeconds(1), Priority.P1));
        burst.add(operatorReplied(id, WRITTEN.plusSeconds(30)));
        answered.add(id);
      }
    }

    SlaEvents.publishAll(bootstrapServers, topicPrefix, burst);

    String mine = " in (" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + ")";
    Awaitility.await("every clock started, every answer applied, every event relayed")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                count("select count(*) from sla.sla_clock where cast(inquiry_id as text)" + mine)
                        == 2L * INQUIRIES
                    && count(
                            "select count(*) from sla.sla_clock where status = 'STOPPED' and"
                                + " cast(inquiry_id as text)"
                                + mine)
                        == answered.size()
                    && count("select count(*) from sla.outbox_message") == 0);

    Map<String, List<String>> published = publishedByInquiry(ids);
    for (String id : ids) {
      List<String> expected =
          answered.contains(id)
              ? List.of("FIRST_RESPONSE started", "FIRST_RESPONSE stopped")
              : List.of("FIRST_RESPONSE started");
      assertThat(published.get(id)).as("events of %s in order", id).isEqualTo(expected);
    }
    assertThat(
            count(
                "select count(*) from sla.sla_clock where kind = 'RESOLUTION' and rule ="
                    + " 'resolution-p1' and due_at = timestamptz '"
                    + WRITTEN.plus(Duration.ofHours(4))
                    + "' and cast(inquiry_id as text)"
                    + mine))
        .as("the priority moved every answered inquiry's resolution, in whichever order it came")
        .isEqualTo(answered.size());
    assertThat(
            count(
                "select count(*) from sla.sla_timer t join sla.sla_clock c on c.id = t.clock_id"
                    + " where c.status = 'STOPPED' and t.fired_at is null and"
                    + " cast(c.inquiry_id as text)"
                    + mine))
        .as("a stopped clock has no pending timer")
        .isZero();
    assertThat(
            count(
                "select count(*) from sla.sla_clock c where c.status = 'RUNNING' and"
                    + " cast(c.inquiry_id as text)"
                    + mine
                    + " and 1 <> (select count(*) from sla.sla_timer t where t.clock_id = c.id"
                    + " and t.kind = 'BREACH' and t.fired_at is null and t.due_at = c.due_at)"))
        .as("a running clock has one pending breach, at its due time")
        .isZero();

    PrometheusScrape after = scrape();
    double records =
        after.sum("switchboard_messaging_records_total", INBOUND)
            - before.sum("switchboard_messaging_records_total", INBOUND);
    double batches =
        after.sum("switchboard_messaging_batch_duration_seconds_count", INBOUND)
            - before.sum("switchboard_messaging_batch_duration_seconds_count", INBOUND);
    assertThat(records).isGreaterThanOrEqualTo(INQUIRIES + answered.size());
    assertThat(batches).as("records applied several to a transaction").isLessThan(records);
  }

  /** "KIND started/stopped" per inquiry, in the order the events reached the topic. */
  private Map<String, List<String>> publishedByInquiry(Set<String> ids) {
    Map<String, List<String>> published = new HashMap<>();
    for (ConsumerRecord<String, String> record :
        kafka.recordsSoFar(kafka.topic(Topics.SLA_EVENTS))) {
      if (!ids.contains(record.key())) {
        continue;
      }
      String type = KafkaTestClient.header(record, CloudEvents.TYPE);
      String what =
          switch (EventCodec.decode(type, record.value())) {
            case ClockStarted started -> started.clock() + " started";
            case ClockStopped stopped -> stopped.clock() + " stopped";
            default -> type;
          };
      published.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(what);
    }
    return published;
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, "");
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static PrometheusScrape scrape() {
    return PrometheusScrape.parse(given().get("/q/metrics").then().extract().asString());
  }
}
