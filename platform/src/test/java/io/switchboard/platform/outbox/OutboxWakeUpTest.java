package io.switchboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service's own relay, woken by the commit: the test configuration polls every 30 s, so an
 * event that is on Kafka within seconds of its commit was not found by a poll.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OutboxWakeUpTest {
  @Inject Outbox outbox;
  @Inject OutboxRelayLifecycle lifecycle;
  @Inject Vertx vertx;

  @ConfigProperty(name = "switchboard.outbox.poll-interval")
  Duration pollInterval;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Test
  void eachCommitIsPublishedWithoutWaitingForThePoll() throws Exception {
    assertThat(pollInterval).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    Awaitility.await("the service's relay leads")
        .atMost(Duration.ofSeconds(10))
        .until(() -> lifecycle.relay().leading());
    // Three in a row: a poll could happen to fall right after one commit, not after each.
    for (int i = 0; i < 3; i++) {
      InquiryReceived event = EventFixtures.inquiryReceived().build();
      OutboxFixture.onSafeContext(vertx, () -> Panache.withTransaction(() -> outbox.stage(event)));
      Awaitility.await("event " + i + " published and its row deleted")
          .atMost(Duration.ofSeconds(5))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> !waiting(event.eventId()));
    }
  }

  @Test
  void recordsCarryTheCloudEventsHeadersAndTheEventAsValue() throws Exception {
    InquiryReceived event = EventFixtures.inquiryReceived().build();
    OutboxFixture.onSafeContext(vertx, () -> Panache.withTransaction(() -> outbox.stage(event)));
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      ConsumerRecord<String, String> record =
          kafka.awaitRecord(
              kafka.topic(EventType.of(event).topic()),
              r -> event.eventId().toString().equals(KafkaTestClient.header(r, CloudEvents.ID)));
      assertThat(record.key()).isEqualTo(event.inquiryId());
      assertThat(record.value()).isEqualTo(EventCodec.encode(event));
      assertThat(headers(record)).isEqualTo(CloudEvents.headers(event, "/platform-test"));
    }
  }

  private boolean waiting(UUID eventId) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*) from platform.outbox_message where id = ?")) {
      query.setObject(1, eventId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1) > 0;
      }
    }
  }

  private static Map<String, String> headers(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }
}
