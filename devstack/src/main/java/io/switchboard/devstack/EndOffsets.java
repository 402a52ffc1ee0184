package io.switchboard.devstack;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** The end offset of every partition of some topics, read with the admin client. */
public final class EndOffsets {
  private static final long WAIT_SECONDS = 30;

  private EndOffsets() {}

  public static Map<TopicPartition, Long> of(Admin admin, Collection<String> topics)
      throws ExecutionException, TimeoutException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription description :
        admin.describeTopics(topics).allTopicNames().get(WAIT_SECONDS, TimeUnit.SECONDS).values()) {
      description
          .partitions()
          .forEach(
              p ->
                  latest.put(
                      new TopicPartition(description.name(), p.partition()), OffsetSpec.latest()));
    }
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(WAIT_SECONDS, TimeUnit.SECONDS)
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }
}
