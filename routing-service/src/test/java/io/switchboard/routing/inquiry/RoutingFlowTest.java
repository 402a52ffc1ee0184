package io.switchboard.routing.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.Topics;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** routing-service on the real broker and database. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class RoutingFlowTest {
  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

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
  void receivedInquiryIsStoredAndAssigned() throws SQLException {
    InquiryReceived received =
        EventFixtures.inquiryReceived()
            .text("Не работает оплата", "Списали деньги, заказ не оформлен", "ru")
            .build();

    kafka.publish(received);

    InquiryAssigned assigned =
        kafka.awaitEvent(InquiryAssigned.class, e -> e.inquiryId().equals(received.inquiryId()));
    assertThat(assigned.priority()).isEqualTo(Priority.P1);
    assertThat(assigned.operatorId()).startsWith("duty-");
    assertThat(queryString("select operator_id from routing.inquiry where id = ?::uuid", received))
        .isEqualTo(assigned.operatorId());
  }

  @Test
  void machineWrittenMailIsKeptWithoutTakingASlotUntilAPersonWritesInItsThread()
      throws SQLException {
    InquiryReceived bounce =
        EventFixtures.inquiryReceived()
            .channel(Channel.EMAIL)
            .text("Undelivered Mail Returned to Sender", "Delivery failed", "en")
            .automatic(true)
            .build();
    var published = kafka.publish(bounce);
    kafka.awaitEvent(InquiryPrioritized.class, e -> e.inquiryId().equals(bounce.inquiryId()));
    kafka.awaitConsumed("routing-service", kafka.topic(Topics.INQUIRIES_INBOUND), published);

    assertThat(queryString("select status from routing.inquiry where id = ?::uuid", bounce))
        .isEqualTo("NEW");
    assertThat(queryString("select operator_id from routing.inquiry where id = ?::uuid", bounce))
        .as("no operator's slot")
        .isNull();
    assertThat(
            queryString("select automatic::text from routing.inquiry where id = ?::uuid", bounce))
        .isEqualTo("true");

    // An auto-reply in the thread changes nothing; a person's message makes it one to answer.
    kafka.publish(reply(bounce, true));
    var human = kafka.publish(reply(bounce, false));
    InquiryAssigned assigned =
        kafka.awaitEvent(InquiryAssigned.class, e -> e.inquiryId().equals(bounce.inquiryId()));
    kafka.awaitConsumed("routing-service", kafka.topic(Topics.INQUIRIES_INBOUND), human);
    assertThat(assigned.operatorId()).startsWith("duty-");
    assertThat(
            kafka.eventsSoFar(InquiryAssigned.class, e -> e.inquiryId().equals(bounce.inquiryId())))
        .hasSize(1);
    assertThat(
            queryString("select automatic::text from routing.inquiry where id = ?::uuid", bounce))
        .isEqualTo("false");
  }

  private static CustomerReplied reply(InquiryReceived to, boolean automatic) {
    return new CustomerReplied(
        EventIds.next(),
        to.inquiryId(),
        Instant.now(),
        CustomerReplied.SCHEMA_VERSION,
        Channel.EMAIL,
        automatic ? "Out of office" : "Please call me back",
        false,
        List.of(),
        "m-" + EventIds.next(),
        automatic);
  }

  @Test
  void redeliveredEventIsAppliedOnce() throws SQLException {
    InquiryReceived received = EventFixtures.inquiryReceived().build();
    kafka.publish(received);
    kafka.awaitEvent(InquiryAssigned.class, e -> e.inquiryId().equals(received.inquiryId()));

    var duplicate = kafka.publish(received);
    kafka.awaitConsumed("routing-service", kafka.topic(Topics.INQUIRIES_INBOUND), duplicate);

    assertThat(
            kafka.eventsSoFar(
                InquiryAssigned.class, e -> e.inquiryId().equals(received.inquiryId())))
        .hasSize(1);
    assertThat(
            queryString("select count(*)::text from routing.inquiry where id = ?::uuid", received))
        .isEqualTo("1");
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicWithItsReason() {
    String key = java.util.UUID.randomUUID().toString();
    kafka.publishRaw(
        kafka.topic(Topics.INQUIRIES_INBOUND),
        key,
        "{\"this is\": \"not an inquiry\"}",
        Map.of(CloudEvents.TYPE, "switchboard.inquiry.received"));

    var dead =
        kafka.awaitRecord(
            kafka.topic(Topics.deadLetter(Topics.INQUIRIES_INBOUND, "routing")),
            r -> key.equals(r.key()));
    assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("lacks");
  }

  private String queryString(String sql, InquiryReceived received) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var statement = connection.prepareStatement(sql)) {
      statement.setString(1, received.inquiryId());
      ResultSet rows = statement.executeQuery();
      return rows.next() ? rows.getString(1) : null;
    }
  }
}
