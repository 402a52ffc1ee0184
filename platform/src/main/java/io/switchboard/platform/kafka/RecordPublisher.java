package io.switchboard.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's one Kafka producer (acks=all, idempotent, so a retried send is written once and in
 * order). {@code KafkaProducer.send} can block for metadata or buffer space while the broker is
 * away, so sends are handed to one thread of their own: never the event loop, and in call order.
 * Created at startup, on the main thread: building the producer blocks too, and a lazy bean would
 * be built by whichever thread sends first, typically an event loop.
 */
@Startup
@ApplicationScoped
public class RecordPublisher {
  private final KafkaProducer<String, String> producer;
  private final ExecutorService sender;
  private final KafkaClientMetrics metrics;

  public RecordPublisher(
      KafkaSettings settings,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      MeterRegistry registry,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    KafkaSettings.Producer producerSettings = settings.producer();
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "kafka-producer-" + application);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    config.put(ProducerConfig.LINGER_MS_CONFIG, millis(producerSettings.linger()));
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(producerSettings.deliveryTimeout()));
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(producerSettings.requestTimeout()));
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(producerSettings.maxBlock()));
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    this.sender =
        Executors.newSingleThreadExecutor(Thread.ofPlatform().name("kafka-send").factory());
    this.metrics = new KafkaClientMetrics(producer);
    metrics.bindTo(registry);
  }

  /**
   * Completes when the broker acknowledged the record, on the producer's own thread: use {@code
   * emitOn} before touching a Hibernate Reactive session.
   */
  public Uni<RecordMetadata> send(ProducerRecord<String, String> record) {
    return Uni.createFrom()
        .emitter(
            emitter ->
                sender.execute(
                    () -> {
                      try {
                        producer.send(
                            record,
                            (metadata, failure) -> {
                              if (failure == null) {
                                emitter.complete(metadata);
                              } else {
                                emitter.fail(failure);
                              }
                            });
                      } catch (RuntimeException failure) {
                        emitter.fail(failure);
                      }
                    }));
  }

  @PreDestroy
  void close() {
    sender.shutdown();
    metrics.close();
    producer.close(Duration.ofSeconds(5));
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }
}
