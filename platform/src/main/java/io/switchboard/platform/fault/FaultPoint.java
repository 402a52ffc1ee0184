package io.switchboard.platform.fault;

/** The moments at which a crash is the most expensive, named so the fault suite can aim at them. */
public enum FaultPoint {
  /** A consumer's transaction committed; the broker has not yet heard of the new offset. */
  AFTER_DB_COMMIT_BEFORE_OFFSET_COMMIT,
  /** The outbox relay's events reached the broker; their rows are not yet deleted. */
  AFTER_PUBLISH_BEFORE_DELETE
}
