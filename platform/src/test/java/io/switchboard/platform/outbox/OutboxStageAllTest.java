package io.switchboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A batch staged in one statement reaches Kafka in the order of its list, after the events the
 * transaction staged one by one before it and before those it staged after it.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OutboxStageAllTest {
  private static final int BATCH = 300;

  @Inject Outbox outbox;
  @Inject Vertx vertx;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Test
  void aBatchKeepsTheListOrderBetweenEventsStagedOneByOne() throws Exception {
    List<String> inquiries = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    InquiryEvent first = numbered(inquiries.get(0), 0);
    // Interleaved: the two inquiries' events alternate in the list.
    List<InquiryEvent> batch =
        IntStream.range(0, BATCH)
            .mapToObj(i -> numbered(inquiries.get(i % 2), 1 + i / 2))
            .map(InquiryEvent.class::cast)
            .toList();
    InquiryEvent last = numbered(inquiries.get(0), 1 + BATCH / 2);

    OutboxFixture.onSafeContext(
        vertx,
        () ->
            Panache.withTransaction(
                () ->
                    outbox
                        .stage(first)
                        .chain(() -> outbox.stageAll(batch))
                        .chain(() -> outbox.stage(last))));

    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      String topic = kafka.topic(EventType.INQUIRY_STATUS_CHANGED.topic());
      List<Integer> a =
          Awaitility.await("every event of the first inquiry")
              .atMost(Duration.ofSeconds(30))
              .until(() -> numbers(kafka, topic, inquiries.get(0)), n -> n.size() == 2 + BATCH / 2);
      List<Integer> b = numbers(kafka, topic, inquiries.get(1));
      assertThat(a).isEqualTo(IntStream.rangeClosed(0, 1 + BATCH / 2).boxed().toList());
      assertThat(b).isEqualTo(IntStream.rangeClosed(1, BATCH / 2).boxed().toList());
    }
  }

  private static List<Integer> numbers(KafkaTestClient kafka, String topic, String inquiry) {
    List<Integer> numbers = new ArrayList<>();
    kafka.recordsSoFar(topic).stream()
        .filter(r -> inquiry.equals(r.key()))
        .map(
            r ->
                (InquiryStatusChanged)
                    EventCodec.decode(EventType.INQUIRY_STATUS_CHANGED.ceType(), r.value()))
        .forEach(e -> numbers.add(Integer.parseInt(e.reason())));
    return numbers;
  }

  private static InquiryStatusChanged numbered(String inquiry, int n) {
    return new InquiryStatusChanged(
        EventIds.next(),
        inquiry,
        Instant.now(),
        InquiryStatusChanged.SCHEMA_VERSION,
        InquiryStatus.NEW,
        InquiryStatus.ASSIGNED,
        "system",
        Integer.toString(n),
        false);
  }
}
