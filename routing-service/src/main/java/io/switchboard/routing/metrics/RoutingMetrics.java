package io.switchboard.routing.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** Counters and timers recorded where routing decides; gauges live in {@link TeamGauges}. */
@ApplicationScoped
public class RoutingMetrics {
  private final MeterRegistry registry;

  public RoutingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** From the inquiry's arrival to its first assignment. */
  public void assigned(String teamId, Instant receivedAt, Instant assignedAt) {
    Timer.builder("switchboard.routing.assignment.latency")
        .description("Time from inquiry received to first assignment")
        .tags(Tags.of("team", teamId))
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(Duration.between(receivedAt, assignedAt).abs());
  }

  /** An inquiry moved away from an operator: declined, forwarded, reassigned, transferred. */
  public void reassigned(String teamId, String reason) {
    registry
        .counter("switchboard.routing.reassignments", "team", teamId, "reason", reason)
        .increment();
  }
}
