package io.switchboard.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;

/**
 * The catalogue's conventions for every {@code switchboard.*} timer (docs/metrics.md): Prometheus
 * histogram buckets at the SLA targets instead of client-side percentiles, which cannot be
 * aggregated across instances. Buckets a timer declares itself (sub-second ones for latencies) are
 * kept in addition.
 */
public class SwitchboardMeters {
  public static final String PREFIX = "switchboard.";

  /** 30s, 1m, 2m, 5m, 15m, 30m, 1h, 2h, 4h, 8h, 24h, 72h. */
  public static final List<Duration> SLA_BUCKETS =
      List.of(
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8),
          Duration.ofHours(24),
          Duration.ofHours(72));

  /** Extra buckets for technical latencies measured in milliseconds (ingest, delivery, timers). */
  public static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  @Produces
  @Singleton
  MeterFilter slaBuckets() {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith(PREFIX)) {
          return config;
        }
        double[] declared = config.getServiceLevelObjectiveBoundaries();
        double[] buckets =
            DoubleStream.concat(
                    declared == null ? DoubleStream.empty() : Arrays.stream(declared),
                    SLA_BUCKETS.stream().mapToDouble(Duration::toNanos))
                .distinct()
                .sorted()
                .toArray();
        return DistributionStatisticConfig.builder()
            .percentilesHistogram(false)
            .percentiles()
            .serviceLevelObjectives(buckets)
            .build()
            .merge(config);
      }
    };
  }
}
