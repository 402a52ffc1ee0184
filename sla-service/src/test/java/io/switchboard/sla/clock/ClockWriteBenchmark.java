package io.switchboard.sla.clock;

import static io.switchboard.sla.clock.SlaEvents.assigned;
import static io.switchboard.sla.clock.SlaEvents.operatorReplied;
import static io.switchboard.sla.clock.SlaEvents.prioritized;
import static io.switchboard.sla.clock.SlaEvents.statusChanged;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.Priority;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.KafkaTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Statements per clock: a measurement to run by hand, not a test of pass or fail.
 *
 * <pre>
 * ./mvnw test -pl sla-service -am -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dtest=ClockWriteBenchmark -Dbenchmark=true \
 *   [-Dbenchmark.inquiries=5000]
 * </pre>
 *
 * First a quiet system: {@value #ONE_BY_ONE} inquiries, each published once the one before has its
 * clocks (a transaction per record). Then a burst: the inquiries at once (the backlog a burst
 * leaves), then their lifecycle: priority, assignment, the operator's answer and the resolution.
 * Counts the service's statements in pg_stat_statements (every executed statement, BEGIN and COMMIT
 * included, each statement of a pipelined batch too), net of the idle rate (outbox relay, timer
 * poller, policy and gauge polls) measured just before, and prints per phase: events and clocks per
 * second, statements per clock and per event, and the statements that ran most. The report also
 * goes to {@code target/clock-write-benchmark.txt}.
 */
@QuarkusTest
@TestProfile(ClockWriteBenchmark.Quiet.class)
@WithTestResource(SlaStatementStatisticsResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ClockWriteBenchmark {
  private static final int INQUIRIES = Integer.getInteger("benchmark.inquiries", 5_000);
  private static final int ONE_BY_ONE = 200;
  private static final Duration IDLE = Duration.ofSeconds(10);

  /** Publishes a phase's events. */
  private interface Publishing {
    void publish(List<? extends InquiryEvent> events) throws Exception;
  }

  /** One log line per clock would measure the console. */
  public static class Quiet implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.log.category.\"io.switchboard\".level", "WARN");
    }
  }

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "switchboard.topic-prefix")
  String topicPrefix;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  private final List<String> report = new ArrayList<>();

  @Test
  void run() throws Exception {
    report("load average before: %s", loadAverage());
    double idlePerSecond = idleRate();
    report("idle: %.1f statements/s (outbox relay, timer poller, polls)", idlePerSecond);

    // A day ahead: no warning or breach of these clocks fires while the statements are counted
    // (the timers have TimerBenchmark).
    Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MICROS);
    List<InquiryReceived> quiet = receipts(ONE_BY_ONE, at);
    phase(
        "receipts one by one (a quiet system)",
        this::oneByOne,
        quiet,
        2L * ONE_BY_ONE,
        "select count(*) from sla.sla_clock",
        2L * ONE_BY_ONE,
        idlePerSecond);

    List<InquiryReceived> inquiries = receipts(INQUIRIES, at);
    phase(
        "receipts in a burst",
        events -> SlaEvents.publishAll(bootstrapServers, topicPrefix, events),
        inquiries,
        2L * INQUIRIES,
        "select count(*) from sla.sla_clock",
        2L * (ONE_BY_ONE + INQUIRIES),
        idlePerSecond);

    List<InquiryEvent> lifecycle = new ArrayList<>();
    for (InquiryReceived received : inquiries) {
      String id = received.inquiryId();
      lifecycle.add(prioritized(id, at.plusSeconds(1), Priority.P2));
      lifecycle.add(assigned(id, at.plusSeconds(2), "op-1"));
      lifecycle.add(operatorReplied(id, at.plusSeconds(30)));
      lifecycle.add(
          statusChanged(id, at.plusSeconds(60), InquiryStatus.ACCEPTED, InquiryStatus.RESOLVED));
    }
    phase(
        "lifecycle in a burst (prioritized, assigned, answered, resolved)",
        events -> SlaEvents.publishAll(bootstrapServers, topicPrefix, events),
        lifecycle,
        2L * INQUIRIES,
        "select count(*) from sla.sla_clock where status = 'STOPPED'",
        2L * INQUIRIES,
        idlePerSecond);
    report("load average after: %s", loadAverage());
    Files.write(Path.of("target", "clock-write-benchmark.txt"), report);
    System.out.println(String.join(System.lineSeparator(), report));
  }

  private static List<InquiryReceived> receipts(int count, Instant at) {
    List<InquiryReceived> receipts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      receipts.add(EventFixtures.inquiryReceived().channel(Channel.CHAT).occurredAt(at).build());
    }
    return receipts;
  }

  /** Each event once the one before has its two clocks. */
  private void oneByOne(List<? extends InquiryEvent> events) {
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers, topicPrefix)) {
      for (InquiryEvent event : events) {
        kafka.publish(event);
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(10))
            .until(
                () ->
                    count(
                            "select count(*) from sla.sla_clock where inquiry_id = '"
                                + event.inquiryId()
                                + "'")
                        == 2);
      }
    }
  }

  /**
   * Publishes {@code events}, which start or stop {@code clocks}, waits until {@code countClocks}
   * reaches {@code total} and the outbox is empty, and reports the statements the service ran
   * meanwhile.
   */
  private void phase(
      String name,
      Publishing publishing,
      List<? extends InquiryEvent> events,
      long clocks,
      String countClocks,
      long total,
      double idlePerSecond)
      throws Exception {
    resetStatistics();
    long start = System.nanoTime();
    publishing.publish(events);
    Awaitility.await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                count(countClocks) >= total
                    && count("select count(*) from sla.outbox_message") == 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String[]> top = topStatements();
    long calls = serviceCalls();
    double net = calls - idlePerSecond * seconds;
    report(
        "%s: %,d events, %,d clocks in %.1f s = %.0f events/s, %.0f clocks/s; %,d statements"
            + " (%,.0f net of idle) = %.2f per clock, %.2f per event",
        name,
        events.size(),
        clocks,
        seconds,
        events.size() / seconds,
        clocks / seconds,
        calls,
        net,
        net / clocks,
        net / events.size());
    for (String[] row : top) {
      report("  %10s calls  %s", row[0], row[1]);
    }
  }

  private double idleRate() throws Exception {
    // Let startup's first rounds pass, then count what the service does with nothing to do.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> count("select count(*) from sla.outbox_message") == 0);
    resetStatistics();
    long start = System.nanoTime();
    Thread.sleep(IDLE.toMillis());
    return serviceCalls() / ((System.nanoTime() - start) / 1e9);
  }

  private void resetStatistics() throws SQLException {
    try (Connection c = database();
        Statement statement = c.createStatement()) {
      statement.execute("select pg_stat_statements_reset()");
    }
  }

  private long serviceCalls() throws SQLException {
    return count(
        "select coalesce(sum(calls), 0) from pg_stat_statements s join pg_roles r on r.oid ="
            + " s.userid where r.rolname = '"
            + SlaStatementStatisticsResource.SERVICE_ROLE
            + "'");
  }

  private List<String[]> topStatements() throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Connection c = database();
        Statement statement = c.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "select calls, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements s"
                    + " join pg_roles r on r.oid = s.userid where r.rolname = '"
                    + SlaStatementStatisticsResource.SERVICE_ROLE
                    + "' order by calls desc limit 12")) {
      while (rs.next()) {
        String query = rs.getString(2);
        rows.add(
            new String[] {
              String.format("%,d", rs.getLong(1)),
              query.length() > 150 ? query.substring(0, 150) + "…" : query
            });
      }
    }
    return rows;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = database();
        Statement statement = c.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, SlaStatementStatisticsResource.BENCHMARK_ROLE, "");
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private void report(String format, Object... args) {
    String line = String.format(format, args);
    report.add(line);
    System.out.println("[benchmark] " + line);
  }
}
