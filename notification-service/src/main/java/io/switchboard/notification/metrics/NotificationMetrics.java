package io.switchboard.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Notifications by medium, kind and outcome; delivery latency; retries; dead letters. */
@ApplicationScoped
public class DeliveryMetrics {
  private final MeterRegistry registry;

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Settled: taken by the provider after {@code elapsed} (all attempts), or given up. */
  public void settled(OutgoingMessage message, boolean sent, Duration elapsed) {
    registry
        .counter(
            "switchboard.notifications",
            "medium",
            message.medium().name(),
            "kind",
            message.kind().name(),
            "outcome",
            sent ? "sent" : "failed")
        .increment();
    if (sent) {
      Timer.builder("switchboard.notification.delivery.latency")
          .tag("medium", message.medium().name())
          .publishPercentileHistogram()
          .register(registry)
          .record(elapsed);
    } else {
      // Every final failure fails its record into the consumer's dead-letter topic.
      registry
          .counter("switchboard.notification.dead.letters", "kind", message.kind().name())
          .increment();
    }
  }

  public void retried(OutgoingMessage message) {
    registry
        .counter("switchboard.notification.delivery.retries", "medium", message.medium().name())
        .increment();
  }
}
