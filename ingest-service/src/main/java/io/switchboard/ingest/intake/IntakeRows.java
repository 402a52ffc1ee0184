package io.switchboard.ingest.intake;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The statements that move an intake row between its {@link IntakeStatus}es. Each runs in the
 * caller's current session and transaction; ages are measured by the database's clock, the one that
 * stamped {@code state_since}, so that instances with skewed clocks agree.
 */
@ApplicationScoped
public class IntakeRows {
  private static final String CLAIM =
      "insert into ingest.intake"
          + " (source_key, inquiry_id, ticket, payload_hash, event_json, event_type, status)"
          + " values (:key, :inquiryId, :ticket, :hash, :event, :type, 'PENDING')"
          + " on conflict (source_key) do nothing";
  // Only the same content reopens a refused row: a key reused for other content stays refused and
  // is answered 422.
  private static final String REOPEN =
      "update ingest.intake set status = 'PENDING', state_since = now()"
          + " where source_key = :key and status = 'REFUSED' and payload_hash = :hash";
  private static final String PUBLISHED =
      "update ingest.intake set status = 'PUBLISHED', published_at = now(), state_since = now()"
          + " where source_key in (:keys) and status <> 'PUBLISHED'";
  // A row another request or the sweeper already published stays PUBLISHED: the broker has it.
  private static final String REFUSED =
      "update ingest.intake set status = 'REFUSED', state_since = now()"
          + " where source_key = :key and status = 'PENDING'";
  private static final String DUE_PENDING =
      "select * from ingest.intake where status = 'PENDING'"
          + " and state_since < now() - make_interval(secs => cast(:grace as double precision))"
          + " order by state_since limit :limit for update skip locked";
  private static final String EXPIRE_REFUSED =
      "delete from ingest.intake where source_key in (select source_key from ingest.intake"
          + " where status = 'REFUSED'"
          + " and state_since < now() - make_interval(secs => cast(:retention as double precision))"
          + " order by state_since limit :limit for update skip locked)";
  private static final String STATEMENT_TIMEOUT =
      "select set_config('statement_timeout', :millis, true)";

  /**
   * @return whether the row was created; false when the key was claimed before
   */
  public Uni<Boolean> claim(String key, Submission submission) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(CLAIM)
                    .setParameter("key", key)
                    .setParameter("inquiryId", UUID.fromString(submission.event().inquiryId()))
                    .setParameter("ticket", submission.ticket())
                    .setParameter("hash", submission.payloadHash())
                    .setParameter("event", EventCodec.encode(submission.event()))
                    .setParameter("type", EventType.of(submission.event()).ceType())
                    .executeUpdate())
        .map(inserted -> inserted == 1);
  }

  /**
   * A client retrying after a 503: its row is PENDING again, with a fresh grace period.
   *
   * @return whether a REFUSED row with this content was reopened
   */
  public Uni<Boolean> reopenRefused(String key, String payloadHash) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(REOPEN)
                    .setParameter("key", key)
                    .setParameter("hash", payloadHash)
                    .executeUpdate())
        .map(reopened -> reopened == 1);
  }

  public Uni<IntakeRecord> find(String key) {
    return IntakeRecord.findById(key);
  }

  /** After the broker acknowledged the rows' events. */
  public Uni<Void> markPublished(List<String> keys) {
    if (keys.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Panache.getSession()
        .chain(
            session ->
                session.createNativeQuery(PUBLISHED).setParameter("keys", keys).executeUpdate())
        .replaceWithVoid();
  }

  /**
   * After the client was answered 503.
   *
   * @return false when the row was no longer PENDING (a concurrent attempt published it)
   */
  public Uni<Boolean> markRefused(String key) {
    return Panache.getSession()
        .chain(
            session -> session.createNativeQuery(REFUSED).setParameter("key", key).executeUpdate())
        .map(refused -> refused == 1);
  }

  /**
   * Locks PENDING rows older than the grace period, the oldest first; rows another instance's
   * sweeper holds are skipped, never waited for.
   */
  public Uni<List<IntakeRecord>> lockDuePending(Duration grace, int limit) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(DUE_PENDING, IntakeRecord.class)
                    .setParameter("grace", seconds(grace))
                    .setParameter("limit", limit)
                    .getResultList());
  }

  /**
   * @return how many REFUSED rows older than the retention were deleted
   */
  public Uni<Integer> expireRefused(Duration retention, int limit) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(EXPIRE_REFUSED)
                    .setParameter("retention", seconds(retention))
                    .setParameter("limit", limit)
                    .executeUpdate());
  }

  /** Bounds every later statement of the current transaction, server-side. */
  public Uni<Void> boundStatements(Duration timeout) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(STATEMENT_TIMEOUT, String.class)
                    .setParameter("millis", Long.toString(Math.max(1, timeout.toMillis())))
                    .getSingleResult())
        .replaceWithVoid();
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
