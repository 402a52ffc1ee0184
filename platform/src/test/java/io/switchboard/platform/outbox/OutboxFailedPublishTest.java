package io.switchboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.kafka.RecordPublisher;
import io.switchboard.platform.kafka.UnreachableBroker;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Rounds whose publish fails: rows stay until the broker acknowledged them. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OutboxFailedPublishTest {
  @Inject Vertx vertx;
  @Inject RecordPublisher publisher;
  @Inject OutboxMetrics metrics;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Test
  void rowsStayThroughABrokerOutageAndGoOutInOrderOnTheNextRound() throws Exception {
    OutboxFixture schema = OutboxFixture.migrate(jdbcUrl, user, "stalled");
    String topic = topicPrefix + "outbox.stalled";
    List<UUID> staged = new ArrayList<>();
    for (int n = 1; n <= 6; n++) {
      staged.add(schema.stage(topic, "inquiry-" + n % 2, "{\"n\":" + n + "}"));
    }

    RecordPublisher unreachable = UnreachableBroker.publisher();
    try {
      OutboxRound outage = round(unreachable, "stalled");
      assertThatThrownBy(() -> OutboxFixture.onSafeContext(vertx, () -> outage.run(() -> true)))
          .hasRootCauseInstanceOf(TimeoutException.class);
    } finally {
      UnreachableBroker.close(unreachable);
    }
    assertThat(schema.waiting()).containsExactlyElementsOf(staged);

    OutboxRound next = round(publisher, "stalled");
    assertThat(OutboxFixture.onSafeContext(vertx, () -> next.run(() -> true))).isEqualTo(6);
    assertThat(schema.waiting()).isEmpty();
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      Map<String, List<String>> byInquiry = awaitRecords(kafka, topic, 6);
      assertThat(byInquiry)
          .containsOnlyKeys("inquiry-0", "inquiry-1")
          .containsEntry("inquiry-1", List.of("{\"n\":1}", "{\"n\":3}", "{\"n\":5}"))
          .containsEntry("inquiry-0", List.of("{\"n\":2}", "{\"n\":4}", "{\"n\":6}"));
    }
  }

  @Test
  void aRecordTheBrokerRefusesStaysAndHoldsNothingBack() throws Exception {
    OutboxFixture schema = OutboxFixture.migrate(jdbcUrl, user, "refused");
    String topic = topicPrefix + "outbox.refused";
    schema.stage(topic, "inquiry-1", "{\"n\":1}");
    UUID refused = schema.stage("not a topic!", "inquiry-2", "{\"n\":1}");
    schema.stage(topic, "inquiry-3", "{\"n\":1}");

    OutboxRound round = round(publisher, "refused");
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> OutboxFixture.onSafeContext(vertx, () -> round.run(() -> true)))
          .as("round %d", attempt)
          .hasRootCauseInstanceOf(InvalidTopicException.class);
      assertThat(schema.waiting()).as("rows after round %d", attempt).containsExactly(refused);
    }
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      // Each once: the rows that went out in the first round were not published again.
      assertThat(awaitRecords(kafka, topic, 2)).containsOnlyKeys("inquiry-1", "inquiry-3");
      assertThat(kafka.recordsSoFar(topic)).hasSize(2);
    }
  }

  private OutboxRound round(RecordPublisher through, String schema) {
    return new OutboxRound(
        new OutboxSender(through, "/platform-test", metrics), schema, 10, Duration.ofSeconds(30));
  }

  private static Map<String, List<String>> awaitRecords(
      KafkaTestClient kafka, String topic, int count) {
    List<ConsumerRecord<String, String>> records =
        Awaitility.await(count + " records on " + topic)
            .atMost(KafkaTestClient.DEFAULT_WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> kafka.recordsSoFar(topic), all -> all.size() >= count);
    return records.stream()
        .collect(
            Collectors.groupingBy(
                ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
  }
}
