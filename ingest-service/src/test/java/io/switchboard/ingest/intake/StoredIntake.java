package io.switchboard.ingest.intake;

import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryReceived;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The test's own look at {@code ingest.intake}, over plain JDBC: rows as a crashed or refused
 * request leaves them, their status, and database faults aimed at one source key.
 */
public final class StoredIntake {
  private final String jdbcUrl;
  private final String user;

  public StoredIntake(String jdbcUrl, String user) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
  }

  /** One row as the service would see it. */
  public record Row(IntakeStatus status, UUID inquiryId, String eventJson) {}

  /**
   * Writes a row as a request that stopped at {@code status} would have left it, {@code age} ago.
   */
  public void insert(
      String sourceKey, IntakeStatus status, Duration age, InquiryEvent event, String payloadHash) {
    insertAll(Map.of(sourceKey, event), status, age, payloadHash);
  }

  /** Writes many rows at once, in one transaction: they appear together. */
  public void insertAll(
      Map<String, ? extends InquiryEvent> events,
      IntakeStatus status,
      Duration age,
      String payloadHash) {
    try (Connection connection = connect();
        var statement =
            connection.prepareStatement(
                "insert into ingest.intake (source_key, inquiry_id, ticket, payload_hash,"
                    + " event_json, event_type, status, created_at, state_since) values"
                    + " (?, ?::uuid, ?, ?, ?, ?, ?, now() - ?::interval, now() - ?::interval)")) {
      connection.setAutoCommit(false);
      for (var entry : events.entrySet()) {
        InquiryEvent event = entry.getValue();
        statement.setString(1, entry.getKey());
        statement.setString(2, event.inquiryId());
        statement.setString(
            3, event instanceof InquiryReceived received ? received.ticket() : null);
        statement.setString(4, payloadHash);
        statement.setString(5, EventCodec.encode(event));
        statement.setString(6, EventType.of(event).ceType());
        statement.setString(7, status.name());
        statement.setString(8, interval(age));
        statement.setString(9, interval(age));
        statement.addBatch();
      }
      statement.executeBatch();
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<Row> row(String sourceKey) {
    try (Connection connection = connect();
        var statement =
            connection.prepareStatement(
                "select status, inquiry_id, event_json from ingest.intake where source_key = ?")) {
      statement.setString(1, sourceKey);
      ResultSet rows = statement.executeQuery();
      if (!rows.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Row(
              IntakeStatus.valueOf(rows.getString(1)),
              UUID.fromString(rows.getString(2)),
              rows.getString(3)));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public Optional<IntakeStatus> status(String sourceKey) {
    return row(sourceKey).map(Row::status);
  }

  /** Moves a row's clock back, as if it had waited out the grace period or the retention. */
  public void age(String sourceKey, Duration by) {
    execute(
        "update ingest.intake set state_since = state_since - ?::interval where source_key = ?",
        interval(by),
        sourceKey);
  }

  /** Ages every row whose key starts with {@code prefix}, in one statement. */
  public void ageAll(String prefix, Duration by) {
    execute(
        "update ingest.intake set state_since = state_since - ?::interval"
            + " where starts_with(source_key, ?)",
        interval(by),
        prefix);
  }

  /**
   * Makes the database refuse, as a failing database would, every insert or update of the key's row
   * that {@code condition} (SQL over {@code new}) selects, until {@link #heal} is called.
   */
  public void failWhen(String fault, String sourceKey, String condition) {
    execute(
        "create or replace function ingest."
            + fault
            + "() returns trigger language plpgsql as $$ begin"
            + " if new.source_key = '"
            + sourceKey.replace("'", "''")
            + "' and ("
            + condition
            + ") then raise exception 'test fault "
            + fault
            + "'; end if; return new; end $$");
    execute(
        "create trigger "
            + fault
            + " before insert or update on ingest.intake for each row execute function ingest."
            + fault
            + "()");
  }

  /**
   * Makes the database drop the connection, as a restarting or unreachable database would, of the
   * statement that inserts or updates the key's row as {@code condition} (SQL over {@code new})
   * selects, until {@link #heal} is called. The statement is rolled back.
   */
  public void dropConnectionWhen(String fault, String sourceKey, String condition) {
    execute(
        "create or replace function ingest."
            + fault
            + "() returns trigger language plpgsql as $$ begin"
            + " if new.source_key = '"
            + sourceKey.replace("'", "''")
            + "' and ("
            + condition
            + ") then perform pg_terminate_backend(pg_backend_pid());"
            + " raise exception 'test fault "
            + fault
            + "'; end if; return new; end $$");
    execute(
        "create trigger "
            + fault
            + " before insert or update on ingest.intake for each row execute function ingest."
            + fault
            + "()");
  }

  public void heal(String fault) {
    execute("drop trigger if exists " + fault + " on ingest.intake");
    execute("drop function if exists ingest." + fault + "()");
  }

  private static String interval(Duration duration) {
    return duration.toMillis() + " milliseconds";
  }

  private void execute(String sql, Object... parameters) {
    try (Connection connection = connect();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, "");
  }
}
