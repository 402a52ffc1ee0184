package io.switchboard.ingest.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** What the channels delivered and what was refused, for the Prometheus scrape. */
@ApplicationScoped
public class IngestMetrics {
  private final MeterRegistry registry;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A message published for the first time (duplicates and retries are not counted). */
  public void received(Channel channel, InquiryEvent event) {
    registry
        .counter(
            "switchboard.ingest.messages.received",
            "channel",
            channel.name(),
            "type",
            EventType.of(event).ceType())
        .increment();
    if (EventType.of(event) == EventType.INQUIRY_RECEIVED) {
      registry
          .counter("switchboard.ingest.inquiries.received", "channel", channel.name())
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
        .publishPercentileHistogram()
        .register(registry)
        .record(elapsed);
  }
}
