package io.switchboard.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.platform.retry.FailureKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One consumer's figures (docs/metrics.md), tagged {@code incoming=<consumer name>} as the
 * dashboards and alerts expect. Every counter starts at zero, so rates exist before the first
 * failure.
 */
final class ConsumerMetrics {
  private final Map<FailureKind, Counter> failures = new EnumMap<>(FailureKind.class);
  private final Counter deadLetters;
  private final Counter applied;
  private final Timer batches;

  ConsumerMetrics(MeterRegistry registry, String consumer) {
    for (FailureKind kind : FailureKind.values()) {
      failures.put(
          kind,
          Counter.builder("switchboard.messaging.failures")
              .description("Failed attempts at a batch or record, by kind of failure")
              .tag("incoming", consumer)
              .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
              .register(registry));
    }
    deadLetters =
        Counter.builder("switchboard.messaging.dead.letters")
            .description("Records written to the consumer's dead-letter topic")
            .tag("incoming", consumer)
            .register(registry);
    applied =
        Counter.builder("switchboard.messaging.records")
            .description("Records read and settled: applied, skipped as redelivered or ignored")
            .tag("incoming", consumer)
            .register(registry);
    batches =
        Timer.builder("switchboard.messaging.batch.duration")
            .description("From reading a batch to settling all its records")
            .tag("incoming", consumer)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
  }

  void failed(FailureKind kind) {
    failures.get(kind).increment();
  }

  void deadLettered() {
    deadLetters.increment();
  }

  void settled(int records, Duration took) {
    applied.increment(records);
    batches.record(took);
  }
}
