package io.switchboard.devstack.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statements each service ran, from pg_stat_statements: {@code calls} summed per service, as deltas
 * over a step. A call is one execution of one statement: every BEGIN, COMMIT, ROLLBACK and
 * SAVEPOINT counts, and so does each statement of a pipelined batch, though a batch may share one
 * network round trip; a statement the client only prepared (Parse/Describe without Execute) does
 * not count. For a client that neither batches nor pipelines, calls equal round trips.
 *
 * <p>Attribution: the local stack connects every service as its own role ({@code ingest_service},
 * ...), so a statement's role names its service, transaction control included. A stack started
 * before that (every service as {@code postgres}) is attributed by the schema its statement text
 * names ({@code routing.}...); transaction control names none and is shown apart.
 */
final class DbStats implements AutoCloseable {
  static final String TRANSACTION_CONTROL =
      "^\\s*(begin|start transaction|commit|end|rollback|savepoint|release|abort)\\b";

  private final Connection connection;
  private final Map<String, String> roles;
  private final String unavailable;
  private final boolean byRole;

  /**
   * @param roles role name → service label, e.g. {@code routing_service → routing}
   */
  DbStats(String jdbcUrl, String user, Map<String, String> roles) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl, user, "");
    this.roles = roles;
    String problem = null;
    boolean rolesSeen = false;
    try (Statement statement = connection.createStatement()) {
      statement.execute("create extension if not exists pg_stat_statements");
      try (ResultSet rs =
          statement.executeQuery(
              "select count(*) from pg_stat_statements s join pg_roles r on r.oid = s.userid"
                  + " where r.rolname in ("
                  + String.join(",", roles.keySet().stream().map(r -> "'" + r + "'").toList())
                  + ")")) {
        rs.next();
        rolesSeen = rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      problem =
          "pg_stat_statements is not loaded in this PostgreSQL (restart the stack with this"
              + " branch's run.sh or let bench.sh start it): "
              + e.getMessage().lines().findFirst().orElse("");
    }
    this.unavailable = problem;
    this.byRole = rolesSeen;
  }

  boolean available() {
    return unavailable == null;
  }

  String unavailableReason() {
    return unavailable;
  }

  String attribution() {
    return byRole
        ? "by database role (one per service)"
        : "by the schema named in the statement text; transaction control unattributed";
  }

  /** Adds a role to attribute, e.g. the benchmark's own ingest instance. */
  void addRole(String role, String label) {
    roles.put(role, label);
  }

  /**
   * @param calls statements per service label (and {@code "(transaction control)"} when attributed
   *     by schema)
   * @param transactionControl of which BEGIN/COMMIT/ROLLBACK/SAVEPOINT..., per label
   * @param deallocations pg_stat_statements entries evicted so far: a change means counts were lost
   */
  record Snapshot(
      Map<String, Long> calls,
      Map<String, Long> transactionControl,
      long deallocations,
      long commits) {

    Snapshot minus(Snapshot earlier) {
      return new Snapshot(
          minus(calls, earlier.calls),
          minus(transactionControl, earlier.transactionControl),
          deallocations - earlier.deallocations,
          commits - earlier.commits);
    }

    private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
      Map<String, Long> delta = new LinkedHashMap<>();
      now.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
      return delta;
    }

    long total() {
      return calls.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  Snapshot snapshot() {
    Map<String, Long> calls = new LinkedHashMap<>();
    Map<String, Long> control = new LinkedHashMap<>();
    for (String label : roles.values()) {
      calls.put(label, 0L);
      control.put(label, 0L);
    }
    long deallocations = 0;
    long commits = 0;
    if (!available()) {
      return new Snapshot(calls, control, 0, 0);
    }
    try (Statement statement = connection.createStatement()) {
      String label = byRole ? roleLabelSql() : schemaLabelSql();
      try (ResultSet rs =
          statement.executeQuery(
              "select "
                  + label
                  + " as label, sum(s.calls)::bigint,"
                  + " coalesce(sum(s.calls) filter (where s.query ~* '"
                  + TRANSACTION_CONTROL
                  + "'), 0)::bigint"
                  + " from pg_stat_statements s join pg_roles r on r.oid = s.userid"
                  + " where s.dbid = (select oid from pg_database where datname ="
                  + " current_database()) group by 1")) {
        while (rs.next()) {
          String name = rs.getString(1);
          if (name != null) {
            calls.merge(name, rs.getLong(2), Long::sum);
            control.merge(name, rs.getLong(3), Long::sum);
          }
        }
      }
      try (ResultSet rs = statement.executeQuery("select dealloc from pg_stat_statements_info")) {
        if (rs.next()) {
          deallocations = rs.getLong(1);
        }
      }
      try (ResultSet rs =
          statement.executeQuery(
              "select xact_commit from pg_stat_database where datname = current_database()")) {
        if (rs.next()) {
          commits = rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read pg_stat_statements", e);
    }
    return new Snapshot(calls, control, deallocations, commits);
  }

  private String roleLabelSql() {
    StringBuilder sql = new StringBuilder("case r.rolname");
    roles.forEach(
        (role, label) ->
            sql.append(" when '").append(role).append("' then '").append(label).append("'"));
    return sql.append(" end").toString();
  }

  private String schemaLabelSql() {
    StringBuilder sql = new StringBuilder("case when r.rolname <> 'postgres' then null");
    for (String schema : List.of("ingest", "routing", "sla", "notification")) {
      sql.append(" when s.query ~* '\\m")
          .append(schema)
          .append("\\.' then '")
          .append(schema)
          .append("'");
    }
    return sql.append(" when s.query ~* '")
        .append(TRANSACTION_CONTROL)
        .append("' then '(transaction control)' end")
        .toString();
  }

  /** Runs statements as the benchmark's own user (baseline tables, roles). */
  void execute(String... sql) {
    try (Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run " + String.join("; ", sql), e);
    }
  }

  boolean byRole() {
    return byRole;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
