package io.switchboard.platform.redrive;

import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.consumer.ConsumerSettings;
import io.switchboard.platform.consumer.DeadLetters;
import io.switchboard.platform.kafka.RecordPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Replays a consumer's dead letters to the topic they came from, once the cause is fixed. The
 * records go back as they were first read (the {@code dead-letter-*} headers removed, event id
 * unchanged), so every consumer of that topic sees them again and those that had processed them
 * skip them by event id. Progress is kept as the committed offsets of the group {@code
 * <group>.redrive} on the dead-letter topic: each dead letter is replayed once, however often this
 * runs. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class DeadLetterRedrive {
  private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ConsumerSettings settings;
  private final SwitchboardConfig config;
  private final RecordPublisher publisher;
  private final String bootstrapServers;
  private final String application;

  public DeadLetterRedrive(
      ConsumerSettings settings,
      SwitchboardConfig config,
      RecordPublisher publisher,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.settings = settings;
    this.config = config;
    this.publisher = publisher;
    this.bootstrapServers = bootstrapServers;
    this.application = application;
  }

  /** A consumer's dead-letter topic and how many of its records were not replayed yet. */
  public record Backlog(String consumer, String deadLetterTopic, long waiting) {}

  /** What one re-drive did. */
  public record Result(String consumer, String deadLetterTopic, int redriven) {}

  public List<Backlog> backlogs() {
    List<Backlog> backlogs = new ArrayList<>();
    for (var entry : new TreeMap<>(settings.consumers()).entrySet()) {
      String topic = config.topic(entry.getValue().deadLetterTopic());
      try (KafkaConsumer<String, String> reader = reader(redriveGroup(entry.getKey()))) {
        List<TopicPartition> partitions = partitions(reader, topic);
        Map<TopicPartition, Long> start = startOffsets(reader, partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions, TIMEOUT);
        long waiting = partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
        backlogs.add(new Backlog(entry.getKey(), topic, waiting));
      }
    }
    return backlogs;
  }

  /** Empty when the service has no consumer of that name. */
  public Optional<Result> redrive(String consumer) {
    ConsumerSettings.Consumer wiring = settings.consumers().get(consumer);
    if (wiring == null) {
      return Optional.empty();
    }
    String deadLetterTopic = config.topic(wiring.deadLetterTopic());
    String sourceTopic = config.topic(wiring.topic());
    try (KafkaConsumer<String, String> reader = reader(redriveGroup(consumer))) {
      List<TopicPartition> partitions = partitions(reader, deadLetterTopic);
      Map<TopicPartition, Long> start = startOffsets(reader, partitions);
      Map<TopicPartition, Long> end = reader.endOffsets(partitions, TIMEOUT);
      reader.assign(partitions);
      partitions.forEach(p -> reader.seek(p, start.get(p)));
      int redriven = 0;
      Map<TopicPartition, Long> next = new HashMap<>(start);
      while (partitions.stream().anyMatch(p -> next.get(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= end.get(partition)) {
            continue; // dead-lettered after this re-drive started: the next one takes it
          }
          publisher.send(replay(record, sourceTopic)).await().atMost(TIMEOUT);
          next.put(partition, record.offset() + 1);
          redriven++;
        }
      }
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      next.forEach((p, offset) -> done.put(p, new OffsetAndMetadata(offset)));
      reader.commitSync(done, TIMEOUT);
      LOG.infof("Re-drove %d dead letter(s) of %s from %s", redriven, consumer, deadLetterTopic);
      return Optional.of(new Result(consumer, deadLetterTopic, redriven));
    }
  }

  static ProducerRecord<String, String> replay(
      ConsumerRecord<String, String> deadLetter, String fallbackTopic) {
    RecordHeaders headers = new RecordHeaders();
    String topic = fallbackTopic;
    for (Header header : deadLetter.headers()) {
      if (header.key().equals(DeadLetters.TOPIC)) {
        topic = new String(header.value(), StandardCharsets.UTF_8);
      } else if (!header.key().startsWith(DeadLetters.HEADER_PREFIX)) {
        headers.add(header);
      }
    }
    return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
  }

  private String redriveGroup(String consumer) {
    return settings.consumers().get(consumer).group().orElse(application) + ".redrive";
  }

  private KafkaConsumer<String, String> reader(String group) {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
  }

  private static List<TopicPartition> partitions(
      KafkaConsumer<String, String> reader, String topic) {
    List<PartitionInfo> infos = reader.partitionsFor(topic, TIMEOUT);
    return infos == null
        ? List.of()
        : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
  }

  private static Map<TopicPartition, Long> startOffsets(
      KafkaConsumer<String, String> reader, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        reader.committed(java.util.Set.copyOf(partitions), TIMEOUT);
    Map<TopicPartition, Long> beginning = reader.beginningOffsets(partitions, TIMEOUT);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      start.put(
          partition,
          offset == null
              ? beginning.get(partition)
              : Math.max(offset.offset(), beginning.get(partition)));
    }
    return start;
  }
}
