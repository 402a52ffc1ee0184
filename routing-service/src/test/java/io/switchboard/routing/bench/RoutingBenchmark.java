package io.switchboard.routing.bench;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.switchboard.contracts.Channel;
import io.switchboard.routing.support.RoutingTestBase;
import io.switchboard.testing.EventFixtures;
import io.switchboard.testing.SwitchboardTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark, not a test: 500 operators in 20 teams, 50,000 inquiries, part of them queued. Run with
 * {@code ./mvnw test -pl routing-service -Dtest=RoutingBenchmark -Drouting.benchmark=true}; prints
 * assignments per second and p50/p99 from received to assigned.
 */
@QuarkusTest
@TestProfile(RoutingBenchmark.FiveHundredOperators.class)
@WithTestResource(SwitchboardTestResource.class)
@EnabledIfSystemProperty(named = "routing.benchmark", matches = "true")
class RoutingBenchmark extends RoutingTestBase {
  private static final int TEAMS = 20;
  private static final int OPERATORS_PER_TEAM = 25;
  private static final int INQUIRIES = Integer.getInteger("routing.benchmark.inquiries", 50_000);

  public static class FiveHundredOperators implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "switchboard.routing.directory-file", directoryFile().toString(),
          "switchboard.routing.default-team", "bench-00",
          "quarkus.log.category.\"io.switchboard\".level", "WARN");
    }
  }

  @ConfigProperty(name = "quarkus.datasource.jdbc.url")
  String jdbcUrl;

  @Test
  void assignFiftyThousandInquiries() throws SQLException {
    long start = System.nanoTime();
    for (int i = 0; i < INQUIRIES; i++) {
      kafka.publish(EventFixtures.inquiryReceived().channel(Channel.values()[i % 3]).build());
    }
    long published = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> count("select count(*) from routing.inquiry where status <> 'NEW'") >= INQUIRIES);
    long done = System.nanoTime();
    long assigned = count("select count(*) from routing.inquiry where status = 'ASSIGNED'");
    long queued = count("select count(*) from routing.inquiry where status = 'QUEUED'");
    double seconds = (done - start) / 1e9;
    System.out.printf(
        "BENCHMARK %d operators in %d teams, %d inquiries: published in %.1f s, routed in %.1f s"
            + " = %.0f inquiries/s; %d assigned, %d queued%n",
        TEAMS * OPERATORS_PER_TEAM,
        TEAMS,
        INQUIRIES,
        (published - start) / 1e9,
        seconds,
        INQUIRIES / seconds,
        assigned,
        queued);
    System.out.printf(
        "BENCHMARK received->assigned p50 %.1f ms, p99 %.1f ms%n",
        millis("percentile_cont(0.5)"), millis("percentile_cont(0.99)"));
  }

  private double millis(String percentile) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows =
            c.createStatement()
                .executeQuery(
                    "select "
                        + percentile
                        + " within group (order by extract(epoch from assigned_at - received_at))"
                        + " from routing.inquiry where assigned_at is not null")) {
      rows.next();
      return rows.getDouble(1) * 1000;
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
        var rows = c.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Twenty teams of 25 operators; each holds 20 inquiries per channel, so part of them queue. */
  static Path directoryFile() {
    StringBuilder yaml = new StringBuilder("teams:\n");
    for (int t = 0; t < TEAMS; t++) {
      yaml.append(
          "  - {id: bench-%02d, name: Bench %d, routingMode: LEAST_LOADED}\n".formatted(t, t));
    }
    yaml.append("operators:\n");
    for (int t = 0; t < TEAMS; t++) {
      for (int o = 0; o < OPERATORS_PER_TEAM; o++) {
        yaml.append(
            "  - {id: b%02d-%02d, team: bench-%02d, name: B, email: b@x.local, alwaysPresent: true,"
                    .formatted(t, o, t)
                + " capacity: {default: 20}, schedule: {alwaysOn: true}}\n");
      }
    }
    try {
      Path file = Files.createTempFile("bench-directory", ".yaml");
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
