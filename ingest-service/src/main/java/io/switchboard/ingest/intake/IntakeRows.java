package io.switchboard.ingest.intake;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements that move an intake row between its {@link IntakeStatus}es after its claim ({@link
 * IntakeClaim}). Each runs on the client it is given: the pool, where a statement is its own
 * transaction, or the sweeper's transaction. Ages are measured by the database's clock, the one
 * that stamped {@code state_since}, so that instances with skewed clocks agree.
 */
@ApplicationScoped
public class IntakeRows {
  private static final String PUBLISHED =
      "update ingest.intake set status = 'PUBLISHED', published_at = now(), state_since = now()"
          + " where source_key = any($1::text[]) and status <> 'PUBLISHED'";
  // A row another request or the sweeper already published stays PUBLISHED: the broker has it.
  private static final String REFUSED =
      "update ingest.intake set status = 'REFUSED', state_since = now()"
          + " where source_key = $1 and status = 'PENDING'";
  private static final String DUE_PENDING =
      "select source_key, inquiry_id, event_type, event_json from ingest.intake"
          + " where status = 'PENDING'"
          + " and state_since < now() - make_interval(secs => $1::double precision)"
          + " order by state_since limit $2::int for update skip locked";
  private static final String EXPIRE_REFUSED =
      "delete from ingest.intake where source_key in (select source_key from ingest.intake"
          + " where status = 'REFUSED'"
          + " and state_since < now() - make_interval(secs => $1::double precision)"
          + " order by state_since limit $2::int for update skip locked)";
  private static final String STATEMENT_TIMEOUT =
      "select set_config('statement_timeout', $1, true)";

  /**
   * After the broker acknowledged the rows' events.
   *
   * @return how many rows changed (those not PUBLISHED yet)
   */
  public Uni<Integer> markPublished(SqlClient client, List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return client
        .preparedQuery(PUBLISHED)
        .execute(Tuple.of(keys.toArray(String[]::new)))
        .map(rows -> rows.rowCount());
  }

  /**
   * After the client was answered 503.
   *
   * @return false when the row was no longer PENDING (a concurrent attempt published it)
   */
  public Uni<Boolean> markRefused(SqlClient client, String key) {
    return client.preparedQuery(REFUSED).execute(Tuple.of(key)).map(rows -> rows.rowCount() == 1);
  }

  /**
   * Locks PENDING rows older than the grace period, the oldest first; rows another instance's
   * sweeper holds are skipped, never waited for. Inside a transaction.
   */
  public Uni<List<PendingIntake>> lockDuePending(SqlClient client, Duration grace, int limit) {
    return client
        .preparedQuery(DUE_PENDING)
        .execute(Tuple.of(seconds(grace), limit))
        .map(
            rows -> {
              List<PendingIntake> due = new ArrayList<>();
              for (Row row : rows) {
                due.add(
                    new PendingIntake(
                        row.getString("source_key"),
                        row.getUUID("inquiry_id"),
                        row.getString("event_type"),
                        row.getString("event_json")));
              }
              return due;
            });
  }

  /**
   * @return how many REFUSED rows older than the retention were deleted
   */
  public Uni<Integer> expireRefused(SqlClient client, Duration retention, int limit) {
    return client
        .preparedQuery(EXPIRE_REFUSED)
        .execute(Tuple.of(seconds(retention), limit))
        .map(rows -> rows.rowCount());
  }

  /** Bounds every later statement of the client's current transaction, server-side. */
  public Uni<Void> boundStatements(SqlClient client, Duration timeout) {
    return client
        .preparedQuery(STATEMENT_TIMEOUT)
        .execute(Tuple.of(Long.toString(Math.max(1, timeout.toMillis()))))
        .replaceWithVoid();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
