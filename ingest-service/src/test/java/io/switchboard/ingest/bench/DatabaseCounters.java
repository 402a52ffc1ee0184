package io.switchboard.ingest.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The service's statements from pg_stat_statements (every execution by its role, transaction
 * control apart) and the database's commits from pg_stat_database, for deltas over a benchmark run.
 * A statement a client prepares without executing does not count; each statement of a pipelined
 * batch does, so statements are an upper bound of round trips.
 */
final class DatabaseCounters {
  private static final String COUNTS =
      "select coalesce(sum(s.calls), 0),"
          + " coalesce(sum(s.calls) filter (where s.query ~* '^\\s*(begin|start transaction|commit"
          + "|end|rollback|savepoint|release)\\y'), 0),"
          + " (select xact_commit from pg_stat_database where datname = current_database())"
          + " from pg_stat_statements s join pg_roles r on r.oid = s.userid"
          + " where r.rolname = ? and s.dbid = (select oid from pg_database"
          + " where datname = current_database())";

  private final String jdbcUrl;
  private final String user;
  private final String role;

  DatabaseCounters(String jdbcUrl, String user, String role) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.role = role;
  }

  record Snapshot(long statements, long transactionControl, long commits) {
    Snapshot minus(Snapshot earlier) {
      return new Snapshot(
          statements - earlier.statements,
          transactionControl - earlier.transactionControl,
          commits - earlier.commits);
    }
  }

  Snapshot snapshot() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
        PreparedStatement statement = connection.prepareStatement(COUNTS)) {
      // Statistics are per transaction snapshot: a fresh connection reads them as of now.
      statement.setString(1, role);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new Snapshot(rows.getLong(1), rows.getLong(2), rows.getLong(3));
      }
    }
  }
}
