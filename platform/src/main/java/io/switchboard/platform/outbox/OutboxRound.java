package io.switchboard.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.platform.fault.FaultHooks;
import io.switchboard.platform.fault.FaultPoint;
import io.switchboard.platform.vertx.ContextExecutor;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One relay round: the oldest rows in sequence order, published, then exactly the rows the broker
 * acknowledged deleted. Every other row stays for the next round, whatever failed: the database,
 * the broker, one record. A crash between the acknowledgement and the delete publishes rows again;
 * consumers drop the duplicates by event id.
 */
final class OutboxRound {
  private final OutboxSender sender;
  private final int batchSize;
  private final Duration timeout;
  private final String oldest;
  private final String delete;

  OutboxRound(OutboxSender sender, String schema, int batchSize, Duration timeout) {
    this.sender = sender;
    this.batchSize = batchSize;
    this.timeout = timeout;
    // Staging transactions of one inquiry lock that inquiry's row before they insert here, so they
    // take sequence numbers in the order they commit: within an inquiry, sequence order is commit
    // order, and a committed row is never passed by a later one of the same inquiry.
    this.oldest =
        "select id, topic, record_key, event_type, payload, occurred_at, created_at from "
            + schema
            + ".outbox_message order by seq limit :limit";
    this.delete = "delete from " + schema + ".outbox_message where id in (:ids)";
  }

  int batchSize() {
    return batchSize;
  }

  /** False while sends of a round given up at its time bound are still in flight. */
  boolean idle() {
    return sender.idle();
  }

  /**
   * Relays one batch; the number of events published. Runs on a safe duplicated context (Hibernate
   * Reactive) and publishes only while {@code leading} still holds.
   */
  Uni<Integer> run(BooleanSupplier leading) {
    Executor context = ContextExecutor.current();
    return Panache.withSession(this::readOldest)
        .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : relay(batch, leading, context))
        .ifNoItem()
        .after(timeout)
        .failWith(() -> new TimeoutException("outbox round still running after " + timeout));
  }

  private Uni<Integer> relay(List<OutboxMessage> batch, BooleanSupplier leading, Executor context) {
    if (!leading.getAsBoolean()) {
      return Uni.createFrom().failure(new IllegalStateException("no longer the relay's leader"));
    }
    return sender
        .publish(batch)
        // Acknowledged on the producer's thread: back to this round's context for the session.
        .emitOn(context)
        .invoke(() -> FaultHooks.reached(FaultPoint.AFTER_PUBLISH_BEFORE_DELETE))
        // One statement, atomic on its own: no BEGIN and COMMIT around it, two round trips fewer
        // per round in every service.
        .call(outcome -> Panache.withSession(() -> deletePublished(outcome.acknowledged())))
        .chain(OutboxRound::published);
  }

  // A row the broker refused (a topic that cannot exist, a record too large) stays, and is retried
  // every round, without holding back the rows that went out.
  private static Uni<Integer> published(OutboxSender.Outcome outcome) {
    return outcome.failure() == null
        ? Uni.createFrom().item(outcome.acknowledged().size())
        : Uni.createFrom().failure(outcome.failure());
  }

  private Uni<List<OutboxMessage>> readOldest() {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(oldest, OutboxMessage.class)
                    .setParameter("limit", batchSize)
                    .getResultList());
  }

  private Uni<Integer> deletePublished(List<OutboxMessage> published) {
    if (published.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    List<UUID> ids = published.stream().map(message -> message.id).toList();
    return Panache.getSession()
        .chain(
            session -> session.createNativeQuery(delete).setParameter("ids", ids).executeUpdate());
  }
}
