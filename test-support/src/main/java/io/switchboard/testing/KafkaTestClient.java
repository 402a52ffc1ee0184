package io.switchboard.testing;

import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Plain Kafka clients for tests: publish events as a producing service would, read topics from the
 * beginning and wait, with a deadline, for what a service should have written.
 */
public final class KafkaTestClient implements AutoCloseable {
  public static final Duration DEFAULT_WAIT = Duration.ofSeconds(45);

  private final String bootstrapServers;
  private final String topicPrefix;
  private final KafkaProducer<String, String> producer;
  private final Map<String, TopicReader> readers = new HashMap<>();

  public KafkaTestClient(String bootstrapServers, String topicPrefix) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(config);
  }

  /** The prefixed name of a contract topic. */
  public String topic(String name) {
    return topicPrefix + name;
  }

  /** Publishes an event exactly as the outbox relay does: keyed by inquiry, CloudEvents headers. */
  public RecordMetadata publish(InquiryEvent event) {
    return publishRaw(
        topic(EventType.of(event).topic()),
        event.inquiryId(),
        EventCodec.encode(event),
        CloudEvents.headers(event, "/test"));
  }

  public RecordMetadata publishRaw(
      String topic, String key, String value, Map<String, String> headers) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
    try {
      return producer.send(record).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("publish to " + topic + " failed", e);
    }
  }

  /** Waits for an event of the given record type on a contract topic that matches. */
  public <T extends InquiryEvent> T awaitEvent(Class<T> type, Predicate<T> matching) {
    EventType eventType =
        java.util.Arrays.stream(EventType.values())
            .filter(t -> t.recordClass() == type)
            .findFirst()
            .orElseThrow();
    ConsumerRecord<String, String> record =
        awaitRecord(
            topic(eventType.topic()),
            r ->
                eventType.ceType().equals(header(r, CloudEvents.TYPE))
                    && matching.test(type.cast(EventCodec.decode(eventType.ceType(), r.value()))));
    return type.cast(EventCodec.decode(eventType.ceType(), record.value()));
  }

  /** All events of a type on its topic so far that match (no waiting). */
  public <T extends InquiryEvent> List<T> eventsSoFar(Class<T> type, Predicate<T> matching) {
    EventType eventType =
        java.util.Arrays.stream(EventType.values())
            .filter(t -> t.recordClass() == type)
            .findFirst()
            .orElseThrow();
    List<T> found = new ArrayList<>();
    for (ConsumerRecord<String, String> r : reader(topic(eventType.topic())).readAll()) {
      if (eventType.ceType().equals(header(r, CloudEvents.TYPE))) {
        T event = type.cast(EventCodec.decode(eventType.ceType(), r.value()));
        if (matching.test(event)) {
          found.add(event);
        }
      }
    }
    return found;
  }

  /** Every record on a topic so far, in partition order (no waiting). */
  public List<ConsumerRecord<String, String>> recordsSoFar(String topic) {
    return reader(topic).readAll();
  }

  public ConsumerRecord<String, String> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, String>> matching) {
    TopicReader reader = reader(topic);
    return Awaitility.await("a record on " + topic)
        .atMost(DEFAULT_WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> reader.readAll().stream().filter(matching).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Waits until a consumer group has committed past {@code offset} of a record: proof that the
   * service processed (or deliberately skipped) it.
   */
  public void awaitConsumed(String group, String topic, RecordMetadata written) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    TopicPartition partition = new TopicPartition(topic, written.partition());
    try (Admin admin = Admin.create(config)) {
      Awaitility.await(group + " to consume " + topic + "@" + written.offset())
          .atMost(DEFAULT_WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata committed = offsets.get(partition);
                return committed != null && committed.offset() > written.offset();
              });
    }
  }

  public static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private synchronized TopicReader reader(String topic) {
    return readers.computeIfAbsent(topic, t -> new TopicReader(bootstrapServers, t));
  }

  @Override
  public void close() {
    producer.close();
    readers.values().forEach(TopicReader::close);
  }

  /** Reads a whole topic from the beginning, keeping every record seen. */
  private static final class TopicReader {
    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private boolean assigned;

    TopicReader(String bootstrapServers, String topic) {
      Properties config = new Properties();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      config.put(
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      this.consumer = new KafkaConsumer<>(config);
      this.topic = topic;
    }

    synchronized List<ConsumerRecord<String, String>> readAll() {
      if (!assigned) {
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
          return List.copyOf(seen);
        }
        List<TopicPartition> all =
            partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        assigned = true;
      }
      // Everything written so far, not one poll's worth: read up to the end offsets of this moment.
      Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      do {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
      } while (!caughtUp(end) && System.nanoTime() < deadline);
      return List.copyOf(seen);
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
      return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    synchronized void close() {
      consumer.close();
    }
  }
}
