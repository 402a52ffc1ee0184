package io.switchboard.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.retry.Backoff;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts one {@link ConsumerLoop} per {@link EventConsumer} bean at startup, wired by its {@code
 * switchboard.consumers.<name>} settings, and stops them before the database pool closes. A bean
 * without settings, or settings without a bean, stop the service at startup: a consumer that
 * silently never runs would lose its topic's work.
 */
@ApplicationScoped
public class ConsumerRuntime {
  private static final Logger LOG = Logger.getLogger(ConsumerRuntime.class);

  private final List<EventConsumer> consumers;
  private final ConsumerSettings settings;
  private final SwitchboardConfig config;
  private final Inbox inbox;
  private final DeadLetters deadLetters;
  private final MeterRegistry registry;
  private final String bootstrapServers;
  private final String application;
  private final List<ConsumerLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();
  private ScheduledExecutorService scheduler;

  public ConsumerRuntime(
      Instance<EventConsumer> consumers,
      ConsumerSettings settings,
      SwitchboardConfig config,
      Inbox inbox,
      DeadLetters deadLetters,
      MeterRegistry registry,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    this.consumers = consumers.stream().toList();
    this.settings = settings;
    this.config = config;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.registry = registry;
    this.bootstrapServers = bootstrapServers;
    this.application = application;
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    checkWiring();
    if (consumers.isEmpty()) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("consumer-retry").daemon().factory());
    SwitchboardConfig.Processing processing = config.processing();
    Backoff backoff = new Backoff(processing.initialBackoff(), processing.maxBackoff(), 0.2);
    for (EventConsumer consumer : consumers) {
      Subscription subscription = subscription(consumer.name());
      ConsumerMetrics metrics = new ConsumerMetrics(registry, consumer.name());
      Retrier retrier = new Retrier(scheduler, backoff, processing.conflictAttempts(), metrics);
      BatchProcessor processor =
          new BatchProcessor(
              subscription,
              consumer,
              inbox,
              deadLetters,
              vertx,
              retrier,
              processing.attemptTimeout(),
              metrics);
      KafkaConsumer<String, String> kafka = kafkaConsumer(subscription, processing);
      KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(kafka);
      kafkaMetrics.bindTo(registry);
      clientMetrics.add(kafkaMetrics);
      ConsumerLoop loop = new ConsumerLoop(subscription, kafka, processor);
      loops.add(loop);
      threads.add(Thread.ofPlatform().name("consumer-" + consumer.name()).start(loop));
      LOG.infof(
          "Consumer %s reads %s in group %s (dead letters: %s)",
          subscription.name(),
          subscription.topic(),
          subscription.group(),
          subscription.deadLetterTopic());
    }
  }

  // Before the datasource closes, so that batches in flight can still commit.
  void stop(@Observes ShutdownEvent shutdown) {
    loops.forEach(ConsumerLoop::stop);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    clientMetrics.forEach(KafkaClientMetrics::close);
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  List<ConsumerLoop> loops() {
    return List.copyOf(loops);
  }

  private void checkWiring() {
    Set<String> beans = consumers.stream().map(EventConsumer::name).collect(Collectors.toSet());
    Set<String> configured = settings.consumers().keySet();
    Set<String> unconfigured = new TreeSet<>(beans);
    unconfigured.removeAll(configured);
    Set<String> unused = new TreeSet<>(configured);
    unused.removeAll(beans);
    if (!unconfigured.isEmpty() || !unused.isEmpty() || beans.size() != consumers.size()) {
      throw new IllegalStateException(
          "Consumers and switchboard.consumers.* settings disagree: without settings "
              + unconfigured
              + ", settings without a consumer "
              + unused
              + (beans.size() != consumers.size() ? ", and two consumers share a name" : ""));
    }
  }

  private Subscription subscription(String name) {
    ConsumerSettings.Consumer consumer = settings.consumers().get(name);
    return new Subscription(
        name,
        config.topic(consumer.topic()),
        config.topic(consumer.deadLetterTopic()),
        consumer.group().orElse(application),
        consumer.maxBatch());
  }

  private KafkaConsumer<String, String> kafkaConsumer(
      Subscription subscription, SwitchboardConfig.Processing processing) {
    Properties properties = new Properties();
    properties.putAll(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, subscription.group(),
            ConsumerConfig.CLIENT_ID_CONFIG, "kafka-consumer-" + subscription.name(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(subscription.maxBatch()),
            ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName(),
            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                Long.toString(processing.sessionTimeout().toMillis()),
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                Long.toString(Math.max(500, processing.sessionTimeout().toMillis() / 4))));
    return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
  }
}
