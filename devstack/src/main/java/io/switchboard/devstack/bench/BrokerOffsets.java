package io.switchboard.devstack.bench;

import io.switchboard.devstack.EndOffsets;
import io.switchboard.devstack.SwitchboardService;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What the broker says about the stack's topics: end offsets, records written, consumer lag. */
final class BrokerOffsets implements AutoCloseable {
  // Topic names as in contracts' Topics; devstack does not depend on the services' modules.
  static final String INBOUND = "inquiries.inbound";
  static final String LIFECYCLE = "inquiries.lifecycle";

  private final Admin admin;

  BrokerOffsets(String bootstrap) {
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
  }

  Admin admin() {
    return admin;
  }

  Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
    try {
      return EndOffsets.of(admin, topics);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the end offsets of " + topics, e);
    }
  }

  /**
   * The topics the tracker reads exist before the first step, as the broker would create them on
   * first use (3 partitions): a fresh stack may not have routed anything yet.
   */
  void ensureTopics() {
    try {
      var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      for (String topic : List.of(INBOUND, LIFECYCLE)) {
        if (!existing.contains(topic)) {
          Baselines.createTopic(admin, topic, 3);
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot list the broker's topics", e);
    }
  }

  /** Records in every topic but Kafka's own: what the step wrote to the broker. */
  long totalRecords() {
    try {
      var names = admin.listTopics(new ListTopicsOptions()).names().get(30, TimeUnit.SECONDS);
      return sum(endOffsets(names.stream().filter(n -> !n.startsWith("bench")).toList()));
    } catch (Exception e) {
      return 0;
    }
  }

  /** Records the stack's consumer groups have not yet committed past; -1 if unknown. */
  long groupLag() {
    long lag = 0;
    try {
      for (SwitchboardService service : SwitchboardService.values()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(service.moduleName())
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        List<String> topics =
            committed.keySet().stream()
                .map(TopicPartition::topic)
                .filter(t -> !t.startsWith("bench"))
                .distinct()
                .toList();
        if (topics.isEmpty()) {
          continue;
        }
        Map<TopicPartition, Long> ends = endOffsets(topics);
        for (var entry : ends.entrySet()) {
          OffsetAndMetadata offset = committed.get(entry.getKey());
          long position = offset == null ? 0 : offset.offset();
          lag += Math.max(0, entry.getValue() - position);
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return lag;
  }

  static long sum(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    admin.close();
  }
}
