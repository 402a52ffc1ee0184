package io.switchboard.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  private static String header(ProducerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void aDeadLetterKeepsTheRecordAndSaysWhereItCameFromAndWhy() {
    ConsumerRecord<String, String> read =
        new ConsumerRecord<>("p.inquiries.inbound", 2, 41L, "inquiry-1", "{\"broken\":");
    read.headers().add("ce_type", "switchboard.inquiry.received".getBytes(StandardCharsets.UTF_8));
    read.headers().add("ce_id", "event-1".getBytes(StandardCharsets.UTF_8));
    ProducerRecord<String, String> dead =
        DeadLetters.deadLetter(
            "p.inquiries.inbound.routing.dlq",
            read,
            new IllegalStateException("cannot apply", new IllegalArgumentException("root")));

    assertThat(dead.topic()).isEqualTo("p.inquiries.inbound.routing.dlq");
    assertThat(dead.key()).isEqualTo("inquiry-1");
    assertThat(dead.value()).isEqualTo("{\"broken\":");
    assertThat(header(dead, "ce_type")).isEqualTo("switchboard.inquiry.received");
    assertThat(header(dead, "ce_id")).isEqualTo("event-1");
    assertThat(header(dead, DeadLetters.REASON)).isEqualTo("cannot apply");
    assertThat(header(dead, DeadLetters.EXCEPTION)).isEqualTo("java.lang.IllegalStateException");
    assertThat(header(dead, DeadLetters.CAUSE)).isEqualTo("root");
    assertThat(header(dead, DeadLetters.CAUSE_CLASS))
        .isEqualTo("java.lang.IllegalArgumentException");
    assertThat(header(dead, DeadLetters.TOPIC)).isEqualTo("p.inquiries.inbound");
    assertThat(header(dead, DeadLetters.PARTITION)).isEqualTo("2");
    assertThat(header(dead, DeadLetters.OFFSET)).isEqualTo("41");
  }
}
