package io.switchboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.kafka.RecordPublisher;
import io.switchboard.testing.KafkaTestClient;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a service, as two relays on one schema: one leads at a time, the other takes
 * over when the leader's connection breaks or the leader goes away, and every inquiry's events
 * reach Kafka in the order their transactions committed, while stagers keep committing.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class OutboxRelayOrderTest {
  private static final String RELAYS = "contest relay %";
  private static final int INQUIRIES = 20;
  private static final int STAGERS = 4;
  private static final Pattern NUMBER = Pattern.compile("\\{\"n\":(\\d+)}");

  @Inject Vertx vertx;
  @Inject RecordPublisher publisher;
  @Inject OutboxMetrics metrics;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.reactive.url")
  String reactiveUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @Test
  void oneLeaderAtATimeAndEveryInquiryInCommitOrder() throws Exception {
    OutboxFixture schema = OutboxFixture.migrate(jdbcUrl, user, "contest");
    String topic = topicPrefix + "outbox.contest";
    // Small batches and quick checks: many rounds, and takeovers within the test's patience.
    var settings =
        new OutboxFixture.Settings(
            Duration.ofSeconds(1), 25, Duration.ofMillis(200), Duration.ofSeconds(30));
    OutboxRelay first =
        schema.relay(vertx, settings, reactiveUrl, "contest relay 1", publisher, metrics);
    OutboxRelay second =
        schema.relay(vertx, settings, reactiveUrl, "contest relay 2", publisher, metrics);
    LeaderWatch watch = new LeaderWatch(first, second);
    Stagers stagers = new Stagers(schema, topic);
    first.start();
    second.start();
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      awaitLeader(first, second);
      stagers.start();
      stagers.awaitStaged(300);

      OutboxRelay broken = first.leading() ? first : second;
      OutboxRelay successor = broken == first ? second : first;
      assertThat(schema.breakLeaderConnection(RELAYS)).isEqualTo(1);
      Awaitility.await("the leader whose connection broke steps down")
          .atMost(Duration.ofSeconds(2))
          .until(() -> !broken.leading());
      Awaitility.await("the other relay takes over")
          .atMost(Duration.ofSeconds(5))
          .until(successor::leading);
      stagers.awaitStaged(stagers.staged() + 300);

      // The leader's instance goes away: its connection closes and the lock goes with it.
      successor.stop();
      Awaitility.await("the remaining relay takes over")
          .atMost(Duration.ofSeconds(5))
          .until(broken::leading);
      stagers.awaitStaged(stagers.staged() + 300);
      Map<String, Integer> staged = stagers.stop();

      Map<String, List<Integer>> arrived = awaitAll(kafka, topic, staged);
      staged.forEach(
          (inquiry, count) ->
              assertThat(arrived.get(inquiry))
                  .as("events of %s in the order they committed", inquiry)
                  .isEqualTo(numbers(count)));
      Awaitility.await("published rows deleted")
          .atMost(Duration.ofSeconds(10))
          .until(() -> schema.waiting().isEmpty());
      assertThat(watch.overlaps()).as("samples with two leaders").isZero();
      assertThat(watch.led()).as("relays that led").containsExactlyInAnyOrder(first, second);
    } finally {
      stagers.stop();
      watch.stop();
      first.stop();
      second.stop();
    }
  }

  private static void awaitLeader(OutboxRelay first, OutboxRelay second) {
    Awaitility.await("a leader")
        .atMost(Duration.ofSeconds(10))
        .until(() -> first.leading() || second.leading());
  }

  /**
   * Per inquiry, the numbers of its events in the order of their first arrival (a takeover may
   * publish an event twice; consumers drop the second by event id).
   */
  private static Map<String, List<Integer>> awaitAll(
      KafkaTestClient kafka, String topic, Map<String, Integer> staged) {
    int total = staged.values().stream().mapToInt(Integer::intValue).sum();
    return Awaitility.await("all " + total + " events on " + topic)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> firstArrivals(kafka.recordsSoFar(topic)), arrived -> count(arrived) == total);
  }

  private static Map<String, List<Integer>> firstArrivals(
      List<ConsumerRecord<String, String>> records) {
    Set<String> seen = new HashSet<>();
    Map<String, List<Integer>> arrived = new HashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      if (seen.add(KafkaTestClient.header(record, "ce_id"))) {
        Matcher number = NUMBER.matcher(record.value());
        assertThat(number.matches()).as("payload %s", record.value()).isTrue();
        arrived
            .computeIfAbsent(record.key(), key -> new ArrayList<>())
            .add(Integer.parseInt(number.group(1)));
      }
    }
    return arrived;
  }

  private static int count(Map<String, List<Integer>> arrived) {
    return arrived.values().stream().mapToInt(List::size).sum();
  }

  private static List<Integer> numbers(int count) {
    List<Integer> numbers = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      numbers.add(n);
    }
    return numbers;
  }

  /** Threads that stage events of the same few inquiries concurrently until stopped. */
  private static final class Stagers {
    private final OutboxFixture schema;
    private final String topic;
    private final ExecutorService threads = Executors.newFixedThreadPool(STAGERS);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger staged = new AtomicInteger();
    private final Map<String, Integer> latest = new ConcurrentHashMap<>();
    private final List<Future<?>> work = new ArrayList<>();

    Stagers(OutboxFixture schema, String topic) {
      this.schema = schema;
      this.topic = topic;
    }

    void start() {
      for (int i = 0; i < STAGERS; i++) {
        work.add(threads.submit(this::stageUntilStopped));
      }
    }

    private Void stageUntilStopped() throws Exception {
      try (Connection connection = schema.connect()) {
        while (running.get()) {
          String inquiry = "inquiry-" + ThreadLocalRandom.current().nextInt(INQUIRIES);
          int number = schema.stageNext(connection, topic, inquiry);
          latest.merge(inquiry, number, Math::max);
          staged.incrementAndGet();
        }
      }
      return null;
    }

    int staged() {
      return staged.get();
    }

    void awaitStaged(int atLeast) throws Exception {
      Awaitility.await(atLeast + " events staged")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> staged.get() >= atLeast || work.stream().anyMatch(Future::isDone));
      for (Future<?> stager : work) {
        if (stager.isDone()) {
          stager.get();
          throw new AssertionError("a stager stopped early");
        }
      }
    }

    /** Stops staging; per inquiry, how many events were staged. */
    Map<String, Integer> stop() throws Exception {
      running.set(false);
      threads.shutdown();
      for (Future<?> stager : work) {
        stager.get(30, TimeUnit.SECONDS);
      }
      return Map.copyOf(latest);
    }
  }

  /**
   * Samples both relays' view of their leadership. A deposed leader learns of its broken connection
   * a moment after the server released the lock, so a single sample may catch both leading; two
   * leaders in two consecutive samples, 10 ms apart, would be two leaders.
   */
  private static final class LeaderWatch {
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final Set<OutboxRelay> led = ConcurrentHashMap.newKeySet();
    private final AtomicInteger overlaps = new AtomicInteger();
    private boolean bothBefore;

    LeaderWatch(OutboxRelay first, OutboxRelay second) {
      sampler.scheduleAtFixedRate(
          () -> {
            boolean firstLeads = first.leading();
            boolean secondLeads = second.leading();
            if (firstLeads) {
              led.add(first);
            }
            if (secondLeads) {
              led.add(second);
            }
            boolean both = firstLeads && secondLeads;
            if (both && bothBefore) {
              overlaps.incrementAndGet();
            }
            bothBefore = both;
          },
          0,
          10,
          TimeUnit.MILLISECONDS);
    }

    int overlaps() {
      return overlaps.get();
    }

    Set<OutboxRelay> led() {
      return led;
    }

    void stop() {
      sampler.shutdownNow();
    }
  }
}
