package io.switchboard.sla.clock;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.Priority;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The upstream events the clocks follow, as ingest and routing would publish them. */
final class SlaEvents {
  private SlaEvents() {}

  /**
   * Publishes the events as fast as the broker takes them (batched, pipelined), each on its
   * contract topic with CloudEvents headers: a consumer reading behind them gets full batches.
   */
  static void publishAll(
      String bootstrapServers, String topicPrefix, List<? extends InquiryEvent> events) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (InquiryEvent event : events) {
        ProducerRecord<String, String> record =
            new ProducerRecord<>(
                topicPrefix + EventType.of(event).topic(),
                event.inquiryId(),
                EventCodec.encode(event));
        CloudEvents.headers(event, "/test")
            .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(
            record,
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing failed", failure.get());
    }
  }

  static OperatorReplied operatorReplied(String inquiryId, Instant at) {
    return new OperatorReplied(
        EventIds.next(),
        inquiryId,
        at,
        OperatorReplied.SCHEMA_VERSION,
        Channel.CHAT,
        "op-1",
        "support@example.com",
        "m-" + EventIds.next());
  }

  static CustomerReplied customerReplied(String inquiryId, Instant at) {
    return new CustomerReplied(
        EventIds.next(),
        inquiryId,
        at,
        CustomerReplied.SCHEMA_VERSION,
        Channel.CHAT,
        "Still not working",
        false,
        List.of(),
        "m-" + EventIds.next(),
        false);
  }

  static InquiryStatusChanged statusChanged(
      String inquiryId, Instant at, InquiryStatus previous, InquiryStatus current) {
    return new InquiryStatusChanged(
        EventIds.next(),
        inquiryId,
        at,
        InquiryStatusChanged.SCHEMA_VERSION,
        previous,
        current,
        "op-1",
        "test",
        false);
  }

  static InquiryPrioritized prioritized(String inquiryId, Instant at, Priority priority) {
    return new InquiryPrioritized(
        EventIds.next(),
        inquiryId,
        at,
        InquiryPrioritized.SCHEMA_VERSION,
        priority,
        List.of("test"),
        "retail",
        "support",
        null,
        null);
  }

  static InquiryAssigned assigned(String inquiryId, Instant at, String operatorId) {
    return new InquiryAssigned(
        EventIds.next(),
        inquiryId,
        at,
        InquiryAssigned.SCHEMA_VERSION,
        "support",
        operatorId,
        null,
        "least busy");
  }
}
