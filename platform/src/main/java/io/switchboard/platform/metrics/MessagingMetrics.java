package io.switchboard.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.PublisherDecorator;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Failures and dead letters per incoming Kafka channel, for every service. A record whose
 * processing failed is nacked; with {@code failure-strategy=dead-letter-queue} the nack completes
 * once the record is on the dead-letter topic, so a dead letter is counted only when that send
 * succeeded. Both counters start at zero for every incoming channel.
 */
@ApplicationScoped
public class MessagingMetrics implements PublisherDecorator {
  static final String FAILURES = "switchboard.messaging.failures";
  static final String DEAD_LETTERS = "switchboard.messaging.dead.letters";

  private final MeterRegistry registry;
  private final Config config;

  public MessagingMetrics(MeterRegistry registry, Config config) {
    this.registry = registry;
    this.config = config;
  }

  @Override
  public int getPriority() {
    // Before SmallRye's own interceptor decorator (500): this one sees the connector's message.
    return 400;
  }

  @Override
  public Multi<? extends Message<?>> decorate(
      Multi<? extends Message<?>> publisher, String channel, boolean isConnector) {
    if (!isConnector) {
      return publisher;
    }
    Counter failures = counter(FAILURES, channel, "Records whose processing failed");
    Counter deadLetters =
        deadLettering(channel)
            ? counter(DEAD_LETTERS, channel, "Records sent to the channel's dead-letter topic")
            : null;
    return publisher.map(
        message ->
            message.withNackWithMetadata(
                (reason, metadata) -> {
                  failures.increment();
                  var handled = message.nack(reason, metadata);
                  return deadLetters == null ? handled : handled.thenRun(deadLetters::increment);
                }));
  }

  private boolean deadLettering(String channel) {
    return config
        .getOptionalValue("mp.messaging.incoming." + channel + ".failure-strategy", String.class)
        .filter("dead-letter-queue"::equals)
        .isPresent();
  }

  private Counter counter(String name, String channel, String description) {
    return Counter.builder(name)
        .description(description)
        .tag("incoming", channel)
        .register(registry);
  }
}
