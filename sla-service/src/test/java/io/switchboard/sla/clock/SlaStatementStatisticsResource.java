package io.switchboard.sla.clock;

import io.switchboard.testing.SwitchboardTestResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The usual broker, with a PostgreSQL of the benchmark's own that loads pg_stat_statements (the
 * shared test cluster does not, and loading it needs a restart): the service connects as {@value
 * #SERVICE_ROLE}, the benchmark reads and polls as {@value #BENCHMARK_ROLE}, so the statistics of
 * the service's role are the service's statements, transaction control included.
 */
public class SlaStatementStatisticsResource extends SwitchboardTestResource {
  static final String SERVICE_ROLE = "postgres";
  static final String BENCHMARK_ROLE = "bench";
  private static final String DATABASE = "sla_bench";

  private EmbeddedPostgres postgres;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    try {
      Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-postgres");
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("data"))
              .setCleanDataDirectory(true)
              .setOverrideWorkingDirectory(dir.resolve("runtime").toFile())
              .setServerConfig("shared_preload_libraries", "pg_stat_statements")
              .setServerConfig("max_connections", "100")
              // As the shared test cluster runs: commits acknowledged once written, no fsync.
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "off")
              .start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create database " + DATABASE);
        statement.execute("create role " + BENCHMARK_ROLE + " login superuser");
      }
      try (Connection connection = postgres.getDatabase(SERVICE_ROLE, DATABASE).getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("create extension pg_stat_statements");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("benchmark PostgreSQL did not start", e);
    } catch (SQLException e) {
      throw new IllegalStateException("benchmark PostgreSQL not prepared", e);
    }
    String host = "127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host);
    config.put("quarkus.datasource.reactive.url", "postgresql://" + host);
    config.put("quarkus.datasource.username", SERVICE_ROLE);
    config.put("quarkus.datasource.password", "");
    return config;
  }

  @Override
  public void stop() {
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
