package io.switchboard.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The commit → publish delay of the service's relay: a measurement to run by hand, not a test.
 *
 * <pre>
 * ./mvnw -B verify -pl platform -am -Dtest=OutboxDelayBenchmark -Dbenchmark=true \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.events=500 -Dbenchmark.burst=20000]
 * </pre>
 *
 * Stages events one at a time on an otherwise idle service, each once the previous one is out, and
 * reports the relay's own metric per event (staged in its transaction → broker acknowledgement);
 * then commits a burst in one transaction and reports how fast it drains. The report goes to
 * standard output and {@code target/outbox-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxDelayBenchmark {
  private static final int EVENTS = Integer.getInteger("benchmark.events", 500);
  private static final int BURST = Integer.getInteger("benchmark.burst", 20_000);

  @Inject Outbox outbox;
  @Inject OutboxRelayLifecycle lifecycle;
  @Inject MeterRegistry registry;
  @Inject Vertx vertx;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String user;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  private final List<String> report = new ArrayList<>();

  @Test
  void run() throws Exception {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lifecycle.relay().leading());
    var system = ManagementFactory.getOperatingSystemMXBean();
    // Figures from a shared machine mean little without how busy it was.
    report(
        "load average %.1f on %d processors",
        system.getSystemLoadAverage(), system.getAvailableProcessors());
    Timer delay = registry.get(OutboxMetrics.DELAY).timer();
    Counter published = registry.get(OutboxMetrics.PUBLISHED).counter();

    // The first send to a new topic waits for the broker to create it: not a delay to measure.
    double warmUp = published.count();
    var first = EventFixtures.inquiryReceived().build();
    OutboxFixture.onSafeContext(vertx, () -> Panache.withTransaction(() -> outbox.stage(first)));
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> published.count() > warmUp);

    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      double before = delay.totalTime(TimeUnit.MILLISECONDS);
      double count = published.count();
      var event = EventFixtures.inquiryReceived().build();
      OutboxFixture.onSafeContext(vertx, () -> Panache.withTransaction(() -> outbox.stage(event)));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(1))
          .until(() -> published.count() > count);
      millis.add(delay.totalTime(TimeUnit.MILLISECONDS) - before);
    }
    Collections.sort(millis);
    report(
        "single events, one at a time (%d): staged → acknowledged p50 %.2f ms, p90 %.2f ms,"
            + " p99 %.2f ms, max %.2f ms",
        EVENTS, at(millis, 0.5), at(millis, 0.9), at(millis, 0.99), millis.getLast());

    double before = published.count();
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
      connection
          .createStatement()
          .execute(
              "insert into platform.outbox_message (id, topic, record_key, event_type, payload,"
                  + " occurred_at, created_at) select gen_random_uuid(), '"
                  + topicPrefix
                  + "outbox.burst', 'inquiry-' || (g % 100), 'switchboard.test.burst',"
                  + " repeat('x', 1000), now(), now() from generate_series(1, "
                  + BURST
                  + ") g");
    }
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> published.count() - before >= BURST);
    double seconds = (System.nanoTime() - start) / 1e9;
    report(
        "burst of %,d 1 KB events in one commit: drained in %.2f s (%,.0f events/s)",
        BURST, seconds, BURST / seconds);
    Files.write(Path.of("target", "outbox-benchmark.txt"), report);
  }

  private static double at(List<Double> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size())));
  }

  private void report(String format, Object... args) {
    String line = String.format(format, args);
    report.add(line);
    System.out.println("[outbox-benchmark] " + line);
  }
}
