package io.switchboard.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server from the binaries Maven brings (no Docker, no system package). */
public final class PostgresNode implements AutoCloseable {
  public static final String USER = "postgres";
  private final EmbeddedPostgres postgres;

  private PostgresNode(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * @param dataDir cluster directory; kept between starts unless {@code fresh}
   */
  public static PostgresNode start(Path dataDir, int port, boolean fresh) {
    return start(dataDir, port, fresh, false);
  }

  /**
   * @param statementStatistics loads pg_stat_statements, which the benchmark reads to count each
   *     service's statements; test clusters go without its (small) cost per statement
   */
  public static PostgresNode start(
      Path dataDir, int port, boolean fresh, boolean statementStatistics) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
      if (statementStatistics) {
        builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
      }
      EmbeddedPostgres postgres =
          builder
              .setPort(port)
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(fresh)
              .setOverrideWorkingDirectory(dataDir.getParent().resolve("pg-runtime").toFile())
              .setServerConfig("max_connections", "300")
              // A commit is on disk before it is acknowledged: a crash must not lose a state change
              // whose event was already relayed or whose offset was already committed. zonky's
              // default is synchronous_commit=off. Only throwaway test clusters skip fsync (a
              // killed
              // process does not lose the OS page cache; only a machine crash would).
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", fresh ? "off" : "on")
              .setServerConfig("full_page_writes", fresh ? "off" : "on")
              .start();
      return new PostgresNode(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates the database unless it exists. */
  public void ensureDatabase(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("unsafe database name " + name);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
      if (!exists.next()) {
        statement.execute("create database " + name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  /**
   * Creates a login role unless it exists. A superuser like the local run's {@code postgres}: it
   * only gives a service's statements their own name in pg_stat_statements.
   */
  public void ensureRole(String name) {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("unsafe role name " + name);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + name + "'");
      if (!exists.next()) {
        statement.execute("create role " + name + " login superuser");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create role " + name, e);
    }
  }

  /** Creates pg_stat_statements in {@code database} unless it is there (needs it preloaded). */
  public void ensureStatementStatistics(String database) {
    try (Connection connection = postgres.getDatabase(USER, database).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create extension if not exists pg_stat_statements");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create pg_stat_statements in " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
