package io.switchboard.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.intake.SweepOutcome;
import io.switchboard.platform.metrics.SwitchboardMeters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.ZoneId;

/** What the channels delivered and what was refused, named as in docs/metrics.md. */
// Created at startup, not on first use: its constructor registers the zero-valued series.
@Startup
@ApplicationScoped
public class IngestMetrics {
  private final MeterRegistry registry;
  private final ZoneId arrivalsZone;

  public IngestMetrics(MeterRegistry registry, IngestConfig config) {
    this.registry = registry;
    this.arrivalsZone = config.metrics().arrivalsZone();
    // Zero for every channel, so that a per-channel rate reads 0 rather than "no data".
    for (Channel channel : Channel.values()) {
      inquiries(channel);
    }
    for (SweepOutcome outcome : SweepOutcome.values()) {
      swept(outcome, 0);
    }
  }

  /** Intake rows the sweeper settled (intake/IntakeSweeper). */
  public void swept(SweepOutcome outcome, int rows) {
    registry.counter("switchboard.ingest.intake.swept", "outcome", outcome.tag()).increment(rows);
  }

  /** A message published for the first time (duplicates and retries are not counted). */
  public void received(Channel channel, InquiryEvent event) {
    EventType type = EventType.of(event);
    registry
        .counter(
            "switchboard.ingest.messages.received",
            "channel",
            channel.name(),
            "type",
            type.ceType())
        .increment();
    if (type == EventType.INQUIRY_RECEIVED) {
      inquiries(channel).increment();
      Arrival arrival = Arrival.of(event.occurredAt(), arrivalsZone);
      registry
          .counter(
              "switchboard.ingest.arrivals",
              "channel",
              channel.name(),
              "weekday",
              arrival.weekday(),
              "hour",
              arrival.hour())
          .increment();
    }
  }

  public void rejected(String channel, String reason) {
    registry
        .counter("switchboard.ingest.inquiries.rejected", "channel", channel, "reason", reason)
        .increment();
  }

  /** From the request's arrival to the broker's acknowledgement (or the duplicate's answer). */
  public void latency(String channel, Duration elapsed) {
    Timer.builder("switchboard.ingest.latency")
        .tag("channel", channel)
        .serviceLevelObjectives(SwitchboardMeters.LATENCY_BUCKETS)
        .register(registry)
        .record(elapsed);
  }

  private Counter inquiries(Channel channel) {
    return registry.counter("switchboard.ingest.inquiries.received", "channel", channel.name());
  }
}
