package io.switchboard.routing.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.InquiryAssigned;
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
