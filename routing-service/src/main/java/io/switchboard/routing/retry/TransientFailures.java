package io.switchboard.routing.retry;

import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that say "try the whole transaction again": a deadlock the database broke, a
 * serialization conflict, an inquiry that moved team while being locked. Pure, no I/O.
 */
public final class TransientFailures {
  /** Retries of a transaction the database aborted; each attempt runs in a fresh session. */
  public static final int ATTEMPTS = 3;

  private static final Set<String> STATES = Set.of("40P01", "40001");

  private TransientFailures() {}

  /** The inquiry changed team between reading its team and locking it: lock again. */
  public static final class Moved extends RuntimeException {
    public Moved(java.util.UUID inquiryId) {
      super("Inquiry " + inquiryId + " changed team while being locked", null, false, false);
    }
  }

  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Moved) {
        return true;
      }
      if (t instanceof SQLException sql && STATES.contains(sql.getSQLState())) {
        return true;
      }
      if (t instanceof io.vertx.pgclient.PgException pg && STATES.contains(pg.getSqlState())) {
        return true;
      }
    }
    return false;
  }
}
