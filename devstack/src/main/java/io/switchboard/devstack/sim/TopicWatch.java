package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.devstack.EndOffsets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the system's four public topics as an integrator would (AsyncAPI: the key is the inquiry
 * id, the type the {@code ce_type} header, the value JSON), from their ends when the day starts,
 * with a consumer that joins no group. Redeliveries are skipped by {@code ce_id}.
 */
final class TopicWatch implements AutoCloseable {
  static final List<String> TOPICS =
      List.of("inquiries.inbound", "inquiries.lifecycle", "sla.events", "notifications.events");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One event; {@code at} is the payload's occurredAt, {@code type} without "switchboard.". */
  record Event(String type, String inquiryId, Instant at, long timestamp, JsonNode payload) {}

  private final Admin admin;
  private final KafkaConsumer<String, String> consumer;
  private final Consumer<Event> sink;
  private final String prefix;
  private final Set<String> seen = new HashSet<>();
  private final Map<TopicPartition, Long> positions =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread reader;
  private volatile boolean running = true;
  private volatile String failure;

  TopicWatch(String bootstrap, String prefix, Consumer<Event> sink) {
    this.prefix = prefix;
    this.sink = sink;
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "support-day-simulator");
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    Map<TopicPartition, Long> ends = endOffsets();
    consumer.assign(ends.keySet());
    ends.forEach(
        (partition, offset) -> {
          consumer.seek(partition, offset);
          positions.put(partition, offset);
        });
    reader = Thread.ofPlatform().name("sim-topics").daemon().start(this::readAll);
  }

  /** The topics' end offsets now; a topic no service has written yet is created empty. */
  Map<TopicPartition, Long> endOffsets() {
    try {
      Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : TOPICS) {
        if (!names.contains(prefix + topic)) {
          missing.add(new NewTopic(prefix + topic, Optional.empty(), Optional.empty()));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
      return EndOffsets.of(admin, TOPICS.stream().map(t -> prefix + t).toList());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the broker does not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether everything written before {@code ends} was taken was read. */
  boolean caughtUpTo(Map<TopicPartition, Long> ends) {
    for (var end : ends.entrySet()) {
      if (positions.getOrDefault(end.getKey(), 0L) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  String failure() {
    return failure;
  }

  private void readAll() {
    try {
      while (running) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          take(record);
        }
        for (TopicPartition partition : consumer.assignment()) {
          positions.put(partition, consumer.position(partition));
        }
      }
    } catch (WakeupException closing) {
      // close() asked
    } catch (RuntimeException e) {
      failure = e.toString();
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void take(ConsumerRecord<String, String> record) {
    String type = header(record, "ce_type");
    String id = header(record, "ce_id");
    if (type == null || record.value() == null || (id != null && !seen.add(id))) {
      return;
    }
    try {
      JsonNode payload = JSON.readTree(record.value());
      String inquiryId = payload.path("inquiryId").asText(record.key());
      Instant at =
          payload.hasNonNull("occurredAt")
              ? Instant.parse(payload.get("occurredAt").asText())
              : Instant.ofEpochMilli(record.timestamp());
      sink.accept(
          new Event(
              type.startsWith("switchboard.") ? type.substring("switchboard.".length()) : type,
              inquiryId,
              at,
              record.timestamp(),
              payload));
    } catch (IOException | RuntimeException e) {
      // Not an event (a poison record somebody published): the system's dead-letter topics
      // deal with it; the simulator reads only what it can.
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      reader.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    admin.close(Duration.ofSeconds(2));
  }
}
