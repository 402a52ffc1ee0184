package io.switchboard.notification.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.switchboard.contracts.CsatReceived;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.contracts.NotificationKind;
import io.switchboard.platform.metrics.SwitchboardMeters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Notifications sent and given up by kind and medium, retries, delivery latency and CSAT ratings,
 * named as in docs/metrics.md.
 */
// Created at startup, not on first use: its constructor registers the zero-valued series.
@Startup
@ApplicationScoped
public class NotificationMetrics {
  /** The operator tag of a rating whose inquiry had no operator. */
  static final String NO_OPERATOR = "none";

  private final MeterRegistry registry;

  public NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Zero for every known combination, so that failure ratios read 0 rather than "no data".
    for (DeliveryMedium medium : DeliveryMedium.values()) {
      retries(medium);
      for (NotificationKind kind : NotificationKind.values()) {
        outcome(kind, medium, true);
        outcome(kind, medium, false);
      }
    }
  }

  /**
   * Settled: taken by the provider, or given up.
   *
   * @param elapsed from when the message was due to its settling, queueing and retries included
   */
  public void settled(
      NotificationKind kind, DeliveryMedium medium, boolean sent, Duration elapsed) {
    outcome(kind, medium, sent).increment();
    if (sent) {
      Timer.builder("switchboard.notification.delivery.latency")
          .description("Due to delivered, queueing and retries included")
          .tag("medium", medium.name())
          .serviceLevelObjectives(SwitchboardMeters.LATENCY_BUCKETS)
          .register(registry)
          .record(elapsed);
    }
  }

  public void retried(DeliveryMedium medium) {
    retries(medium).increment();
  }

  /** A customer's rating, once stored. */
  public void rated(CsatReceived rating) {
    DistributionSummary.builder("switchboard.notification.csat.score")
        .description("CSAT ratings, 1 to 5")
        .tag("channel", rating.channel().name())
        .tag("operator", rating.operatorId() == null ? NO_OPERATOR : rating.operatorId())
        .serviceLevelObjectives(1, 2, 3, 4, 5)
        .register(registry)
        .record(rating.score());
  }

  private Counter outcome(NotificationKind kind, DeliveryMedium medium, boolean sent) {
    return Counter.builder(
            sent ? "switchboard.notification.sent" : "switchboard.notification.failed")
        .description(sent ? "Notifications delivered" : "Notifications given up")
        .tag("kind", kind.name())
        .tag("medium", medium.name())
        .register(registry);
  }

  private Counter retries(DeliveryMedium medium) {
    return Counter.builder("switchboard.notification.retries")
        .description("Failed sends rescheduled with backoff")
        .tag("medium", medium.name())
        .register(registry);
  }
}
