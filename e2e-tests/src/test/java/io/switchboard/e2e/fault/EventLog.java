package io.switchboard.e2e.fault;

import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every topic of the run from the beginning, in the background, without a consumer group (so
 * that a broker restart never makes it re-read or skip): the events per inquiry, each record once
 * by its coordinates, and every dead-letter record. New topics (a dead-letter topic appears with
 * its first record) are picked up within a few seconds.
 */
final class EventLog implements AutoCloseable {
  /** One record of an inquiry's event. */
  record Seen(
      EventType type, String eventId, String topic, int partition, long offset, String clock) {}

  /** One record on a dead-letter topic, with SmallRye's reason headers. */
  record DeadLetter(
      String topic, int partition, long offset, String key, String ceType, String reason) {}

  private final String prefix;
  private final KafkaConsumer<String, String> consumer;
  private final Thread reader;
  private final Map<String, List<Seen>> byInquiry = new HashMap<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private final Set<String> coordinates = new HashSet<>();
  private final List<String> undecodable = new ArrayList<>();
  private volatile boolean closed;
  private volatile long records;

  EventLog(String bootstrapServers, String prefix) {
    this.prefix = prefix;
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    // Read what the broker acknowledged to the services, not what a transaction may still undo.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "2000");
    this.consumer = new KafkaConsumer<>(config);
    this.reader = Thread.ofPlatform().daemon().name("fault-suite-event-log").start(this::readLoop);
  }

  /** The run's name of a contract topic. */
  String topic(String name) {
    return prefix + name;
  }

  synchronized List<Seen> events(String inquiryId) {
    return List.copyOf(byInquiry.getOrDefault(inquiryId, List.of()));
  }

  synchronized List<DeadLetter> deadLetters() {
    return List.copyOf(deadLetters);
  }

  synchronized List<String> undecodable() {
    return List.copyOf(undecodable);
  }

  long records() {
    return records;
  }

  private void readLoop() {
    Map<TopicPartition, Long> positions = new HashMap<>();
    long nextRefresh = 0;
    while (!closed) {
      try {
        if (System.nanoTime() > nextRefresh) {
          refreshAssignment(positions);
          nextRefresh = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        }
        if (consumer.assignment().isEmpty()) {
          Thread.sleep(200);
          continue;
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          take(record);
          positions.put(
              new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        // The broker is down or restarting: the consumer finds it again by itself.
        System.err.println("[fault-suite] event log: " + e);
      }
    }
  }

  private void refreshAssignment(Map<TopicPartition, Long> positions) {
    Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(3));
    Set<TopicPartition> wanted = new HashSet<>();
    topics.forEach(
        (topic, partitions) -> {
          if (topic.startsWith(prefix)) {
            partitions.forEach(p -> wanted.add(new TopicPartition(topic, p.partition())));
          }
        });
    if (wanted.equals(consumer.assignment())) {
      return;
    }
    consumer.assign(wanted);
    for (TopicPartition partition : wanted) {
      Long position = positions.get(partition);
      if (position == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, position);
      }
    }
  }

  private synchronized void take(ConsumerRecord<String, String> record) {
    if (!coordinates.add(record.topic() + "/" + record.partition() + "/" + record.offset())) {
      return;
    }
    records++;
    String topic = record.topic().substring(prefix.length());
    String ceType = header(record, CloudEvents.TYPE);
    if (topic.endsWith(".dlq")) {
      String reason = header(record, "dead-letter-reason");
      String cause = header(record, "dead-letter-cause");
      deadLetters.add(
          new DeadLetter(
              topic,
              record.partition(),
              record.offset(),
              record.key(),
              ceType,
              reason + (cause == null ? "" : " (cause: " + cause + ")")));
      return;
    }
    try {
      InquiryEvent event = EventCodec.decode(ceType, record.value());
      String clock = event instanceof ClockStarted started ? started.clock().name() : null;
      byInquiry
          .computeIfAbsent(event.inquiryId(), id -> new ArrayList<>())
          .add(
              new Seen(
                  EventType.ofCeType(ceType).orElseThrow(),
                  header(record, CloudEvents.ID),
                  topic,
                  record.partition(),
                  record.offset(),
                  clock));
    } catch (RuntimeException e) {
      undecodable.add(record.topic() + "@" + record.partition() + "/" + record.offset() + ": " + e);
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close(Duration.ofSeconds(2));
  }
}
