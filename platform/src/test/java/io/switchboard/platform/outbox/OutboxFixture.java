package io.switchboard.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.kafka.RecordPublisher;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.mutiny.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;

/**
 * A service schema of its own, migrated like every service's, for relays and rounds a test runs by
 * hand beside the service's own relay (which owns the test application's default schema).
 */
final class OutboxFixture {
  private final String jdbcUrl;
  private final String user;
  private final String schema;

  private OutboxFixture(String jdbcUrl, String user, String schema) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.schema = schema;
  }

  static OutboxFixture migrate(String jdbcUrl, String user, String schema) throws SQLException {
    Flyway.configure()
        .dataSource(jdbcUrl, user, "")
        .schemas(schema)
        .locations("classpath:db/platform")
        .load()
        .migrate();
    OutboxFixture fixture = new OutboxFixture(jdbcUrl, user, schema);
    try (Connection connection = fixture.connect()) {
      // Stands in for a service's inquiry table: the row its staging transactions lock.
      connection
          .createStatement()
          .execute(
              "create table if not exists "
                  + schema
                  + ".outbox_probe (inquiry_id text primary key, staged int not null)");
    }
    return fixture;
  }

  /** Relay settings a test chooses, as the config mapping would give them. */
  record Settings(
      Duration pollInterval, int batchSize, Duration leaderCheckInterval, Duration roundTimeout)
      implements SwitchboardConfig.Outbox {}

  OutboxRelay relay(
      Vertx vertx,
      Settings settings,
      String reactiveUrl,
      String name,
      RecordPublisher publisher,
      OutboxMetrics metrics) {
    return new OutboxRelay(
        vertx,
        settings,
        schema,
        OutboxLeadership.connectOptions(reactiveUrl, Optional.of(user), Optional.empty(), name),
        new OutboxSender(publisher, "/platform-test", metrics));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, "");
  }

  /**
   * Stages the next event of an inquiry as a service does: one transaction that locks the inquiry's
   * row, then inserts. Returns the event's number within its inquiry, from 1.
   */
  int stageNext(Connection connection, String topic, String inquiryId) throws SQLException {
    connection.setAutoCommit(false);
    try {
      int number;
      try (PreparedStatement lock =
          connection.prepareStatement(
              "insert into "
                  + schema
                  + ".outbox_probe as p values (?, 1) on conflict (inquiry_id)"
                  + " do update set staged = p.staged + 1 returning staged")) {
        lock.setString(1, inquiryId);
        try (ResultSet rows = lock.executeQuery()) {
          rows.next();
          number = rows.getInt(1);
        }
      }
      insert(connection, topic, inquiryId, "{\"n\":" + number + "}");
      connection.commit();
      return number;
    } catch (SQLException failed) {
      connection.rollback();
      throw failed;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Stages one event in a transaction of its own; its event id. */
  UUID stage(String topic, String key, String payload) throws SQLException {
    try (Connection connection = connect()) {
      return insert(connection, topic, key, payload);
    }
  }

  private UUID insert(Connection connection, String topic, String key, String payload)
      throws SQLException {
    UUID id = UUID.randomUUID();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + schema
                + ".outbox_message (id, topic, record_key, event_type, payload, occurred_at,"
                + " created_at) values (?, ?, ?, 'switchboard.test.staged', ?, now(), now())")) {
      insert.setObject(1, id);
      insert.setString(2, topic);
      insert.setString(3, key);
      insert.setString(4, payload);
      insert.executeUpdate();
    }
    return id;
  }

  /** Ids of the rows still waiting, in sequence order. */
  List<UUID> waiting() throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (Connection connection = connect();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery("select id from " + schema + ".outbox_message order by seq")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  /**
   * Terminates the backend of whichever lock connection named {@code applicationNames} (a LIKE
   * pattern) holds an advisory lock, as a network failure or a database restart would; how many.
   */
  int breakLeaderConnection(String applicationNames) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement terminate =
            connection.prepareStatement(
                "select count(pg_terminate_backend(a.pid)) from pg_stat_activity a"
                    + " join pg_locks l on l.pid = a.pid"
                    + " where l.locktype = 'advisory' and l.granted and a.application_name like ?")) {
      terminate.setString(1, applicationNames);
      try (ResultSet rows = terminate.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Runs reactive work as a timer of the service would: on a safe duplicated context. */
  static <T> T onSafeContext(Vertx vertx, Supplier<Uni<T>> work)
      throws InterruptedException, ExecutionException, TimeoutException {
    CompletableFuture<T> result = new CompletableFuture<>();
    ContextExecutor.runOnSafeContext(
        vertx.getDelegate(),
        () -> work.get().subscribe().with(result::complete, result::completeExceptionally));
    return result.get(60, TimeUnit.SECONDS);
  }
}
