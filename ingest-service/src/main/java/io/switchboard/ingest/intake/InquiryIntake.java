package io.switchboard.ingest.intake;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.publishing.InboundPublisher;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Turns a normalized message into an acknowledged Kafka event exactly once per source message.
 *
 * <p>The first delivery of a source key stores the event as PENDING, publishes it and marks it
 * PUBLISHED. A redelivery of a PUBLISHED key publishes nothing and answers with the same inquiry. A
 * redelivery of a PENDING key (the first attempt failed or is still in flight) republishes the
 * stored event, with its original event id, so consumers see the same event at most twice and drop
 * the copy.
 */
@ApplicationScoped
public class InquiryIntake {
  private static final String CLAIM =
      "insert into ingest.intake"
          + " (source_key, inquiry_id, ticket, payload_hash, event_json, event_type, status)"
          + " values (:key, :inquiryId, :ticket, :hash, :event, :type, 'PENDING')"
          + " on conflict (source_key) do nothing";
  // The newest message of a thread wins: a chat session or Telegram chat that started a new
  // inquiry continues that one from then on.
  private static final String THREAD_REF =
      "insert into ingest.thread_ref (ref, inquiry_id) values (:ref, :inquiryId)"
          + " on conflict (ref) do update set inquiry_id = excluded.inquiry_id,"
          + " created_at = now()";

  private final InboundPublisher publisher;

  public InquiryIntake(InboundPublisher publisher) {
    this.publisher = publisher;
  }

  public Uni<Outcome> accept(Submission submission) {
    if (submission.sourceKey().isEmpty()) {
      Uni<Void> refs =
          submission.threadRefs().isEmpty()
              ? Uni.createFrom().voidItem()
              : Panache.withTransaction(() -> recordThreadRefs(submission))
                  .emitOn(ContextExecutor.current());
      return refs.chain(() -> publisher.publish(submission.event()))
          .replaceWith(new Outcome(accepted(submission), true));
    }
    String key = submission.sourceKey().get();
    return claim(key, submission)
        .emitOn(ContextExecutor.current())
        .chain(claimed -> publishUnlessDone(claimed, submission.payloadHash()));
  }

  private record Claimed(IntakeRecord record, boolean inserted) {}

  private Uni<Claimed> claim(String key, Submission submission) {
    return Panache.withTransaction(
            () ->
                insertUnlessPresent(key, submission)
                    .call(
                        inserted ->
                            inserted == 1
                                ? recordThreadRefs(submission)
                                : Uni.createFrom().voidItem()))
        .chain(
            inserted ->
                Panache.withSession(() -> IntakeRecord.<IntakeRecord>findById(key))
                    .map(record -> new Claimed(record, inserted == 1)));
  }

  private Uni<Integer> insertUnlessPresent(String key, Submission submission) {
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
                    .executeUpdate());
  }

  private Uni<Void> recordThreadRefs(Submission submission) {
    UUID inquiryId = UUID.fromString(submission.event().inquiryId());
    Uni<Void> all = Uni.createFrom().voidItem();
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
        new Outcome(new Accepted(record.inquiryId.toString(), record.ticket), claimed.inserted());
    if (record.status == IntakeRecord.Status.PUBLISHED) {
      return Uni.createFrom().item(outcome);
    }
    var stored = EventCodec.decode(record.eventType, record.eventJson);
    return publisher
        .publish(stored)
        .emitOn(ContextExecutor.current())
        .chain(() -> markPublished(record.sourceKey))
        .replaceWith(outcome);
  }

  private Uni<Void> markPublished(String key) {
    return Panache.withTransaction(
            () ->
                IntakeRecord.update(
                    "status = ?1, publishedAt = current_timestamp where sourceKey = ?2",
                    IntakeRecord.Status.PUBLISHED,
                    key))
        .replaceWithVoid();
  }

  private static Accepted accepted(Submission submission) {
    return new Accepted(submission.event().inquiryId(), submission.ticket());
  }
}
