package io.switchboard.platform.redrive;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.platform.consumer.DeadLetters;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLetterRedriveTest {

  private static String header(ProducerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void aReDriveRestoresTheRecordAsItWasFirstRead() {
    ConsumerRecord<String, String> read =
        new ConsumerRecord<>("p.inquiries.inbound", 0, 7L, "inquiry-2", "{}");
    read.headers().add("ce_id", "event-2".getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, String> dead =
        DeadLetters.deadLetter("p.inquiries.inbound.sla.dlq", read, new RuntimeException("x"));
    ConsumerRecord<String, String> stored =
        new ConsumerRecord<>(dead.topic(), 1, 99L, dead.key(), dead.value());
    dead.headers().forEach(h -> stored.headers().add(h));

    ProducerRecord<String, String> replayed = DeadLetterRedrive.replay(stored, "p.fallback");

    assertThat(replayed.topic()).isEqualTo("p.inquiries.inbound");
    assertThat(replayed.key()).isEqualTo("inquiry-2");
    assertThat(replayed.value()).isEqualTo("{}");
    assertThat(header(replayed, "ce_id")).isEqualTo("event-2");
    assertThat(replayed.headers().toArray())
        .extracting(Header::key)
        .noneMatch(key -> key.startsWith("dead-letter-"));
  }
}
