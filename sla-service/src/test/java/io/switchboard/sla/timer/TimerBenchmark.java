package io.switchboard.sla.timer;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testing.SwitchboardTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The 1,000,000-timer benchmark: a measurement to run by hand, not a test of pass or fail.
 *
 * <pre>
 * ./mvnw test -pl sla-service -am -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dtest=TimerBenchmark -Dbenchmark=true \
 *   [-Dbenchmark.timers=1000000 -Dbenchmark.rate=500 -Dbenchmark.seconds=30]
 * </pre>
 *
 * Loads the open timers, then lets timers fall due at a steady rate among them and reports the
 * firing lag percentiles, then stops the poller, lets timers fall due as if the service were down,
 * starts it again and reports the time to the first fire. The report goes to standard output and
 * {@code target/timer-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TimerBenchmark {
  private static final int TIMERS = Integer.getInteger("benchmark.timers", 1_000_000);
  private static final int RATE = Integer.getInteger("benchmark.rate", 500);
  private static final int SECONDS = Integer.getInteger("benchmark.seconds", 30);
  private static final int OVERDUE = 10_000;

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @ConfigProperty(name = "quarkus.datasource.username")
  String dbUser;

  @Inject TimerPoller poller;
  @Inject Vertx vertx;

  private final List<String> report = new ArrayList<>();

  @Test
  void run() throws Exception {
    report("load average before: %s", loadAverage());
    long heapBefore = usedHeap();
    Instant loadStart = Instant.now();
    execute(
        "insert into sla.sla_clock (id, inquiry_id, kind, channel, started_at, due_at,"
            + " target_seconds, status, rule, run_started_at)"
            + " select gen_random_uuid(), gen_random_uuid(), 'FIRST_RESPONSE', 'EMAIL', now(),"
            + " now() + interval '1 day' + g * interval '50 milliseconds', 3600, 'RUNNING',"
            + " 'benchmark', now() from generate_series(1, "
            + TIMERS
            + ") g");
    // The claim locks the inquiry's row with the timer's: every clock has one.
    execute(
        "insert into sla.sla_inquiry (inquiry_id) select inquiry_id from sla.sla_clock"
            + " where rule = 'benchmark'");
    execute(
        "insert into sla.sla_timer (id, clock_id, kind, level, due_at)"
            + " select gen_random_uuid(), id, 'BREACH', 0, due_at from sla.sla_clock"
            + " where rule = 'benchmark'");
    execute("analyze sla.sla_timer");
    execute("analyze sla.sla_clock");
    execute("analyze sla.sla_inquiry");
    report(
        "load: %,d clocks with a pending timer each in %s",
        TIMERS, Duration.between(loadStart, Instant.now()));
    report(
        "table size: sla_timer %s, sla_clock %s (with indexes)",
        query("select pg_size_pretty(pg_total_relation_size('sla.sla_timer'))"),
        query("select pg_size_pretty(pg_total_relation_size('sla.sla_clock'))"));
    report(
        "heap used: %,d MB before load, %,d MB with %,d open timers",
        heapBefore / 1_048_576, usedHeap() / 1_048_576, TIMERS);

    steadyRate();
    restart();

    report("load average after: %s", loadAverage());
    Path out = Path.of("target", "timer-benchmark.txt");
    Files.write(out, report);
    System.out.println(String.join(System.lineSeparator(), report));
  }

  /** Timers falling due at RATE per second among the open ones; lag from due to fired. */
  private void steadyRate() throws Exception {
    int count = RATE * SECONDS;
    Instant first = Instant.now().plusSeconds(5);
    execute(
        "insert into sla.sla_timer (id, clock_id, kind, level, due_at)"
            + " select gen_random_uuid(), id, 'WARNING', 7,"
            + " timestamptz '"
            + first
            + "' + (row_number() over () - 1) * interval '1 second' / "
            + RATE
            + " from (select id from sla.sla_clock where rule = 'benchmark' limit "
            + count
            + ") c");
    awaitFired("kind = 'WARNING' and level = 7", count, Duration.ofSeconds(SECONDS + 120));
    report(
        "steady rate: %,d timers at %d/s over %d s among %,d open; firing lag p50 %s ms,"
            + " p99 %s ms, p99.9 %s ms, max %s ms",
        count,
        RATE,
        SECONDS,
        TIMERS,
        lag("kind = 'WARNING' and level = 7", 0.5),
        lag("kind = 'WARNING' and level = 7", 0.99),
        lag("kind = 'WARNING' and level = 7", 0.999),
        query(
            "select round(extract(epoch from max(fired_at - due_at)) * 1000) from sla.sla_timer"
                + " where kind = 'WARNING' and level = 7"));
  }

  /** The poller stops, timers fall due meanwhile, the poller starts: how soon they fire. */
  private void restart() throws Exception {
    poller.stop(null);
    execute(
        "insert into sla.sla_timer (id, clock_id, kind, level, due_at)"
            + " select gen_random_uuid(), id, 'WARNING', 8, now() - interval '1 minute'"
            + " from (select id from sla.sla_clock where rule = 'benchmark' limit "
            + OVERDUE
            + ") c");
    Instant started = Instant.now();
    poller.start(null, vertx);
    awaitFired("kind = 'WARNING' and level = 8", 1, Duration.ofSeconds(60));
    Instant firstFired =
        Instant.parse(
            query(
                "select to_char(min(fired_at) at time zone 'UTC',"
                    + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') from sla.sla_timer"
                    + " where kind = 'WARNING' and level = 8"));
    awaitFired("kind = 'WARNING' and level = 8", OVERDUE, Duration.ofSeconds(300));
    Instant allFired = Instant.now();
    report(
        "restart: first of %,d overdue timers fired %d ms after the poller started, all within"
            + " %d ms",
        OVERDUE,
        Duration.between(started, firstFired).toMillis(),
        Duration.between(started, allFired).toMillis());
  }

  private void awaitFired(String where, int count, Duration limit) {
    String sql = "select count(*) from sla.sla_timer where fired_at is not null and " + where;
    Awaitility.await()
        .atMost(limit)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> Long.parseLong(query(sql)) >= count);
  }

  private String lag(String where, double percentile) throws SQLException {
    return query(
        "select round(extract(epoch from percentile_cont("
            + percentile
            + ") within group (order by fired_at - due_at)) * 1000) from sla.sla_timer where "
            + where);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static long usedHeap() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private void report(String format, Object... args) {
    String line = String.format(format, args);
    report.add(line);
    System.out.println("[benchmark] " + line);
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private String query(String sql) throws SQLException {
    try (Connection connection = database();
        Statement statement = connection.createStatement()) {
      ResultSet rows = statement.executeQuery(sql);
      rows.next();
      return rows.getString(1);
    }
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, dbUser, "");
  }
}
