package io.switchboard.ingest.intake;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.EventType;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.ingest.problem.FieldError;
import io.switchboard.ingest.problem.ProblemException;
import io.switchboard.ingest.publishing.InboundPublisher;
import io.switchboard.platform.vertx.ContextExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a normalized inquiry into an acknowledged Kafka event exactly once per source message.
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
      "insert into ingest.intake (source_key, inquiry_id, ticket, payload_hash, event_json, status)"
          + " values (:key, :inquiryId, :ticket, :hash, :event, 'PENDING')"
          + " on conflict (source_key) do nothing";

  private final InboundPublisher publisher;

  public InquiryIntake(InboundPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * @param sourceKey the channel's message id or the caller's idempotency key, if any
   * @param payloadHash fingerprint of the content, to refuse a key reused for different content
   */
  public Uni<Accepted> accept(
      Optional<String> sourceKey, String payloadHash, InquiryReceived event) {
    if (sourceKey.isEmpty()) {
      return publisher.publish(event).replaceWith(accepted(event));
    }
    String key = sourceKey.get();
    return claim(key, payloadHash, event)
        .emitOn(ContextExecutor.current())
        .chain(record -> publishUnlessDone(record, payloadHash));
  }

  private Uni<IntakeRecord> claim(String key, String payloadHash, InquiryReceived event) {
    return Panache.withTransaction(() -> insertUnlessPresent(key, payloadHash, event))
        .chain(() -> Panache.withSession(() -> IntakeRecord.<IntakeRecord>findById(key)));
  }

  private Uni<Integer> insertUnlessPresent(String key, String payloadHash, InquiryReceived event) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(CLAIM)
                    .setParameter("key", key)
                    .setParameter("inquiryId", UUID.fromString(event.inquiryId()))
                    .setParameter("ticket", event.ticket())
                    .setParameter("hash", payloadHash)
                    .setParameter("event", EventCodec.encode(event))
                    .executeUpdate());
  }

  private Uni<Accepted> publishUnlessDone(IntakeRecord record, String payloadHash) {
    if (!record.payloadHash.equals(payloadHash)) {
      return Uni.createFrom()
          .failure(
              new ProblemException(
                  422,
                  "Idempotency key reused",
                  "This Idempotency-Key was already used for a different inquiry",
                  List.of(new FieldError("Idempotency-Key", "reused with different content")),
                  0));
    }
    Accepted accepted = new Accepted(record.inquiryId.toString(), record.ticket);
    if (record.status == IntakeRecord.Status.PUBLISHED) {
      return Uni.createFrom().item(accepted);
    }
    var stored = EventCodec.decode(EventType.INQUIRY_RECEIVED.ceType(), record.eventJson);
    return publisher
        .publish(stored)
        .emitOn(ContextExecutor.current())
        .chain(() -> markPublished(record.sourceKey))
        .replaceWith(accepted);
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

  private static Accepted accepted(InquiryReceived event) {
    return new Accepted(event.inquiryId(), event.ticket());
  }
}
