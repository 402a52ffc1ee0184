package io.switchboard.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.platform.metrics.SwitchboardMeters;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * How long committed events wait for the broker, and how many went out (docs/metrics.md). A
 * singleton, not application-scoped: both meters exist from startup on, at zero.
 */
@Singleton
public class OutboxMetrics {
  static final String DELAY = "switchboard.outbox.publish.delay";
  static final String PUBLISHED = "switchboard.outbox.published";

  // The relay's target is a few milliseconds: finer than the catalogue's latency buckets below 5
  // ms.
  private static final Duration[] BUCKETS =
      Stream.concat(
              Stream.of(Duration.ofMillis(1), Duration.ofMillis(2).plusNanos(500_000)),
              Stream.of(SwitchboardMeters.LATENCY_BUCKETS))
          .toArray(Duration[]::new);

  private final Timer delay;
  private final Counter published;

  public OutboxMetrics(MeterRegistry registry) {
    this.delay =
        Timer.builder(DELAY)
            .description("Event staged in its committing transaction → acknowledged by the broker")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
    this.published =
        Counter.builder(PUBLISHED)
            .description("Outbox events acknowledged by the broker")
            .register(registry);
  }

  /** An event the broker acknowledged; {@code stagedAt} is the staging instance's clock. */
  void published(Instant stagedAt) {
    // Clamped: instances' clocks may differ by a little, and a negative time would be dropped.
    Duration waited = Duration.between(stagedAt, Instant.now());
    delay.record(waited.isNegative() ? Duration.ZERO : waited);
    published.increment();
  }
}
