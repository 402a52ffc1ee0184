package io.switchboard.e2e.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.Topics;
import io.switchboard.e2e.examples.PlainKafkaConsumerExample.ReceivedEvent;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.TestInfra;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The README's example consumer reads an event published as Switchboard does, on a real broker. */
class PlainKafkaConsumerExampleTest {
  private final String prefix = "example-" + UUID.randomUUID().toString().substring(0, 8) + ".";

  @Test
  void readsTypeKeyIdVersionAndPayloadOfAPublishedEvent() {
    String bootstrap = TestInfra.get().bootstrapServers();
    InquiryReceived published = EventFixtures.inquiryReceived().build();
    List<ReceivedEvent> seen = new CopyOnWriteArrayList<>();
    try (var kafka = new KafkaTestClient(bootstrap, prefix);
        var example =
            new PlainKafkaConsumerExample(
                bootstrap, kafka.topic(Topics.INQUIRIES_INBOUND), prefix + "integration")) {
      kafka.publish(published);

      Awaitility.await("the example consumer to read the published event")
          .atMost(KafkaTestClient.DEFAULT_WAIT)
          .pollInterval(Duration.ZERO)
          .until(() -> example.pollOnce(seen::add) >= 0 && !seen.isEmpty());
    }

    assertThat(seen).hasSize(1);
    ReceivedEvent event = seen.getFirst();
    assertThat(event.type()).isEqualTo("switchboard.inquiry.received");
    assertThat(event.inquiryId()).isEqualTo(published.inquiryId());
    assertThat(event.eventId()).isEqualTo(published.eventId().toString());
    assertThat(event.schemaVersion()).isEqualTo(InquiryReceived.SCHEMA_VERSION);
    assertThat(event.payload().path("ticket").asText()).isEqualTo(published.ticket());
    assertThat(event.payload().path("channel").asText()).isEqualTo(published.channel().name());
  }
}
