package io.switchboard.platform.retry;

/** What to do about a failed attempt. */
public enum FailureKind {
  /**
   * A dependency is down or unreachable (connection refused or lost, database restarting, broker
   * away, an attempt that ran out of time): wait and try again for as long as it takes. Nothing is
   * wrong with the work itself.
   */
  UNAVAILABLE,
  /**
   * The database aborted the transaction to resolve a conflict with another one (deadlock,
   * serialization failure, a row changed or inserted concurrently): try again soon in a fresh
   * transaction, a bounded number of times.
   */
  CONFLICT,
  /** Retrying cannot help: the input is bad or the code cannot handle it. */
  PERMANENT
}
