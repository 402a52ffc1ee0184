package io.switchboard.ingest.intake;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.publishing.InboundPublisher;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns a normalized message into an acknowledged Kafka event exactly once per source message, and
 * leaves its intake row saying what the client was told ({@link IntakeStatus}).
 *
 * <p>The first delivery of a source key stores the event as PENDING and publishes it. The broker's
 * acknowledgement answers 202 and marks the row PUBLISHED; if that mark fails the row stays PENDING
 * and {@link IntakeSweeper} republishes it after the grace period, with its original event id
 * (consumers drop the copy). A refusal answers 503 and marks the row REFUSED, which the sweeper
 * never publishes; a retry with the same key reopens it and publishes the stored event, so even a
 * write that landed despite the timeout does not become a second inquiry. A redelivery of a
 * PUBLISHED key publishes nothing and answers with the same inquiry.
 *
 * <p>Residual cases, where a row's fate cannot match what its client heard; in the first four a
 * retry with the same key still answers with the one inquiry, never a second:
 *
 * <ul>
 *   <li>The broker refused and the database failed too when marking REFUSED: the client heard 503,
 *       the row stays PENDING and the sweeper publishes it after the grace period.
 *   <li>The broker timed out but had written the event: the client heard 503 and the inquiry exists
 *       all the same (Kafka cannot tell a lost write from a late one).
 *   <li>The claim committed but the database's answer was lost: the client heard 503, the row is
 *       PENDING and is published like a crashed request's.
 *   <li>A request slower than the grace period (a stalled database between claim and publish): the
 *       sweeper may publish the row meanwhile; a refusal the request then hears answers 503 for a
 *       published inquiry (the REFUSED mark never overwrites PUBLISHED).
 *   <li>A REFUSED row past the retention is deleted: a retry after that is a new inquiry, a second
 *       one if the refused write had landed.
 * </ul>
 *
 * <p>A message without a key (a web form without Idempotency-Key) has no row: a 503 whose write
 * landed anyway, then retried, is two inquiries.
 */
@ApplicationScoped
public class InquiryIntake {
  private static final Logger LOG = Logger.getLogger(InquiryIntake.class);
  // The newest message of a thread wins: a chat session or Telegram chat that started a new
  // inquiry continues that one from then on.
  private static final String THREAD_REF =
      "insert into ingest.thread_ref (ref, inquiry_id) values (:ref, :inquiryId)"
          + " on conflict (ref) do update set inquiry_id = excluded.inquiry_id,"
          + " created_at = now()";

  private final InboundPublisher publisher;
  private final IntakeRows rows;

  public InquiryIntake(InboundPublisher publisher, IntakeRows rows) {
    this.publisher = publisher;
    this.rows = rows;
  }

  public Uni<Outcome> accept(Submission submission) {
    if (submission.sourceKey().isEmpty()) {
      return acceptWithoutKey(submission);
    }
    String key = submission.sourceKey().get();
    return claim(key, submission)
        .emitOn(ContextExecutor.current())
        .chain(claimed -> publishUnlessDone(claimed, submission.payloadHash()));
  }

  private Uni<Outcome> acceptWithoutKey(Submission submission) {
    Uni<Void> refs =
        submission.threadRefs().isEmpty()
            ? Uni.createFrom().voidItem()
            : Panache.withTransaction(() -> recordThreadRefs(submission))
                .onFailure(InquiryIntake::notAProblem)
                .transform(InquiryIntake::storeUnavailable)
                .emitOn(ContextExecutor.current());
    return refs.chain(() -> publisher.publish(submission.event()))
        .replaceWith(new Outcome(accepted(submission), true));
  }

  /**
   * @param firstDelivery nothing was acknowledged for this key before: a new row, or a REFUSED one
   *     this retry reopened. A PENDING row's earlier request may have been answered 202 already.
   */
  private record Claimed(IntakeRecord record, boolean firstDelivery) {}

  private Uni<Claimed> claim(String key, Submission submission) {
    return Panache.withTransaction(
            () ->
                rows.claim(key, submission)
                    .call(inserted -> inserted ? recordThreadRefs(submission) : none())
                    .chain(
                        inserted ->
                            rows.reopenRefused(key, submission.payloadHash())
                                .chain(reopened -> found(key, inserted || reopened))))
        .onFailure(InquiryIntake::notAProblem)
        .transform(InquiryIntake::storeUnavailable);
  }

  private Uni<Claimed> found(String key, boolean firstDelivery) {
    // Null only when the row expired between the claim and this read: the client retries.
    return rows.find(key)
        .onItem()
        .ifNull()
        .failWith(() -> storeUnavailable(new IllegalStateException("intake row vanished")))
        .map(record -> new Claimed(record, firstDelivery));
  }

  private Uni<Void> recordThreadRefs(Submission submission) {
    UUID inquiryId = UUID.fromString(submission.event().inquiryId());
    Uni<Void> all = none();
    for (String ref : submission.threadRefs()) {
      all =
          all.chain(
              () ->
                  Panache.getSession()
                      .chain(
                          session ->
                              session
                                  .createNativeQuery(THREAD_REF)
                                  .setParameter("ref", ref)
                                  .setParameter("inquiryId", inquiryId)
                                  .executeUpdate())
                      .replaceWithVoid());
    }
    return all;
  }

  private Uni<Outcome> publishUnlessDone(Claimed claimed, String payloadHash) {
    IntakeRecord record = claimed.record();
    if (!record.payloadHash.equals(payloadHash)) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  "key-reused",
                  422,
                  "Idempotency key reused",
                  "This Idempotency-Key was already used for a different inquiry",
                  List.of(new FieldError("Idempotency-Key", "reused with different content")),
                  0));
    }
    Outcome outcome =
        new Outcome(
            new Accepted(record.inquiryId.toString(), record.ticket), claimed.firstDelivery());
    if (!record.status.needsPublishing()) {
      return Uni.createFrom().item(outcome);
    }
    var stored = EventCodec.decode(record.eventType, record.eventJson);
    return publisher
        .publish(stored)
        .emitOn(ContextExecutor.current())
        .onFailure()
        .call(() -> markRefused(record))
        .call(() -> markPublished(record))
        .replaceWith(outcome);
  }

  // The broker has the event: the answer is 202 whatever the database says now.
  private Uni<Void> markPublished(IntakeRecord record) {
    return Panache.withTransaction(() -> rows.markPublished(List.of(record.sourceKey)))
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf(
                  "Inquiry %s published but its intake row not marked (%s); the sweeper"
                      + " republishes it",
                  record.inquiryId, failure.toString());
              return none();
            });
  }

  // The 503 stands whatever the database says now; a failure here is a residual case.
  private Uni<Void> markRefused(IntakeRecord record) {
    return Panache.withTransaction(() -> rows.markRefused(record.sourceKey))
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.errorf(
                  "Inquiry %s answered 503 but its intake row not marked REFUSED (%s): it stays"
                      + " PENDING and the sweeper will publish it after the grace period",
                  record.inquiryId, failure.toString());
              return none();
            });
  }

  private static boolean notAProblem(Throwable failure) {
    return !(failure instanceof ProblemException);
  }

  private static ProblemException storeUnavailable(Throwable failure) {
    LOG.warnf("Intake not stored: %s", failure.toString());
    return ProblemException.storeUnavailable();
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }

  private static Accepted accepted(Submission submission) {
    return new Accepted(submission.event().inquiryId(), submission.ticket());
  }
}
