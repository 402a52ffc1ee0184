package io.switchboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Staging a batch's events with one statement: order, content, commit and rollback. */
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
  void aBatchOfEventsIsPublishedInTheOrderOfTheListWithItsHeadersAndPayloads() throws Exception {
    // Five inquiries, their events interleaved: each inquiry's must keep the list's order.
    List<String> inquiries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      inquiries.add(UUID.randomUUID().toString());
    }
    List<InquiryEvent> events = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      for (String inquiry : inquiries) {
        events.add(started(inquiry, round));
      }
    }
    // A text that JSON must escape travels unchanged.
    events.add(
        EventFixtures.inquiryReceived()
            .inquiryId(inquiries.getFirst())
            .text("\"Кавычки\" и \\ слэш", "строка 1\nстрока 2\t\u00e9", "ru")
            .build());

    OutboxFixture.onSafeContext(
        vertx, () -> Panache.withTransaction(() -> outbox.stageAll(events)));

    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      String topic = kafka.topic(EventType.of(events.getFirst()).topic());
      List<ConsumerRecord<String, String>> published =
          Awaitility.await("the batch on " + topic)
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> mine(kafka.recordsSoFar(topic), inquiries),
                  records -> records.size() == events.size() - 1);
      List<InquiryEvent> expected = events.stream().filter(e -> e instanceof ClockStarted).toList();
      for (String inquiry : inquiries) {
        assertThat(published.stream().filter(r -> r.key().equals(inquiry)).map(r -> r.value()))
            .as("events of %s in the order of the list", inquiry)
            .containsExactlyElementsOf(
                expected.stream()
                    .filter(e -> e.inquiryId().equals(inquiry))
                    .map(EventCodec::encode)
                    .toList());
      }
      ConsumerRecord<String, String> first =
          published.stream()
              .filter(r -> r.key().equals(inquiries.getFirst()))
              .findFirst()
              .orElseThrow();
      assertThat(KafkaTestClient.header(first, CloudEvents.ID))
          .isEqualTo(events.getFirst().eventId().toString());
      assertThat(KafkaTestClient.header(first, CloudEvents.TYPE))
          .isEqualTo("switchboard.sla.clock-started");

      InquiryEvent received = events.getLast();
      ConsumerRecord<String, String> inbound =
          kafka.awaitRecord(
              kafka.topic(EventType.of(received).topic()),
              r -> received.eventId().toString().equals(KafkaTestClient.header(r, CloudEvents.ID)));
      assertThat(inbound.value()).isEqualTo(EventCodec.encode(received));
    }
  }

  @Test
  void aBatchStagedInATransactionThatRollsBackIsNeverPublished() throws Exception {
    String inquiry = UUID.randomUUID().toString();
    List<InquiryEvent> rolledBack = List.of(started(inquiry, 0), started(inquiry, 1));
    InquiryEvent committed = started(inquiry, 2);

    assertThatThrownBy(
            () ->
                OutboxFixture.onSafeContext(
                    vertx,
                    () ->
                        Panache.withTransaction(
                            () ->
                                outbox
                                    .stageAll(rolledBack)
                                    .chain(
                                        () ->
                                            Uni.createFrom()
                                                .failure(
                                                    new IllegalStateException("rolled back"))))))
        .hasRootCauseMessage("rolled back");
    OutboxFixture.onSafeContext(
        vertx, () -> Panache.withTransaction(() -> outbox.stageAll(List.of(committed))));

    // The relay publishes in sequence order: rows of the first transaction, had they committed,
    // would be on the topic before the second's.
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      String topic = kafka.topic(EventType.of(committed).topic());
      kafka.awaitRecord(
          topic,
          r -> committed.eventId().toString().equals(KafkaTestClient.header(r, CloudEvents.ID)));
      assertThat(mine(kafka.recordsSoFar(topic), List.of(inquiry)))
          .extracting(r -> KafkaTestClient.header(r, CloudEvents.ID))
          .containsExactly(committed.eventId().toString());
    }
  }

  private static ClockStarted started(String inquiry, int n) {
    Instant at = Instant.parse("2030-03-05T08:00:00Z").plusSeconds(n);
    return new ClockStarted(
        EventIds.next(),
        inquiry,
        Instant.now().truncatedTo(ChronoUnit.MICROS),
        ClockStarted.SCHEMA_VERSION,
        ClockKind.FIRST_RESPONSE,
        Channel.CHAT,
        at,
        at.plusSeconds(120),
        120,
        false,
        "Europe/Moscow",
        false);
  }

  private static List<ConsumerRecord<String, String>> mine(
      List<ConsumerRecord<String, String>> records, List<String> inquiries) {
    return records.stream().filter(r -> inquiries.contains(r.key())).toList();
  }

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
