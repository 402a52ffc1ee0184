package io.switchboard.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes staged events to Kafka and deletes them once the broker acknowledged, all inside one
 * transaction whose {@code for update skip locked} keeps two instances off the same rows. A crash
 * after the acknowledgement and before the commit publishes the event again on the next round;
 * consumers deduplicate by event id.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Vertx vertx;
  private volatile long timer;
  private final MutinyEmitter<String> emitter;
  private final SwitchboardConfig config;
  private final String schema;
  private final String source;

  public OutboxRelay(
      @Channel("outbox") MutinyEmitter<String> emitter,
      SwitchboardConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema,
      @ConfigProperty(name = "quarkus.application.name") String applicationName) {
    this.emitter = emitter;
    this.config = config;
    this.schema = schema;
    this.source = "/" + applicationName;
  }

  // The scheduler's floor is one second; a Vert.x timer keeps publish delay to the poll interval.
  void start(@Observes StartupEvent startup, Vertx vertx) {
    long interval = Math.max(10, config.outbox().pollInterval().toMillis());
    timer = vertx.setPeriodic(interval, ignored -> runRound(vertx));
    this.vertx = vertx;
  }

  // Before the database pool closes, so that no round starts against a closed pool.
  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void runRound(Vertx vertx) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    ContextExecutor.runOnSafeContext(
        vertx,
        () ->
            relay()
                .onTermination()
                .invoke(() -> running.set(false))
                .subscribe()
                .with(
                    done -> {},
                    failure -> LOG.warnf("Outbox relay round failed: %s", failure.getMessage())));
  }

  Uni<Void> relay() {
    Executor backToContext = ContextExecutor.current();
    return Panache.withTransaction(
        () ->
            claimBatch()
                .chain(batch -> publish(batch).emitOn(backToContext).chain(() -> delete(batch))));
  }

  private Uni<List<OutboxMessage>> claimBatch() {
    String sql =
        "select * from "
            + schema
            + ".outbox_message order by created_at, id limit :limit for update skip locked";
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(sql, OutboxMessage.class)
                    .setParameter("limit", config.outbox().batchSize())
                    .getResultList());
  }

  private Uni<Void> publish(List<OutboxMessage> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<Uni<Void>> sends = batch.stream().map(this::send).toList();
    return Uni.join().all(sends).andFailFast().replaceWithVoid();
  }

  private Uni<Void> send(OutboxMessage message) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(CloudEvents.SPEC_VERSION, bytes("1.0"));
    headers.add(CloudEvents.ID, bytes(message.id.toString()));
    headers.add(CloudEvents.TYPE, bytes(message.eventType));
    headers.add(CloudEvents.SOURCE, bytes(source));
    headers.add(CloudEvents.TIME, bytes(message.occurredAt.toString()));
    headers.add(CloudEvents.SUBJECT, bytes(message.recordKey));
    headers.add(CloudEvents.CONTENT_TYPE, bytes("application/json"));
    OutgoingKafkaRecordMetadata<String> metadata =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withTopic(message.topic)
            .withKey(message.recordKey)
            .withHeaders(headers)
            .build();
    return emitter.sendMessage(Message.of(message.payload).addMetadata(metadata));
  }

  private Uni<Void> delete(List<OutboxMessage> batch) {
    if (batch.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<java.util.UUID> ids = batch.stream().map(m -> m.id).toList();
    String sql = "delete from " + schema + ".outbox_message where id in (:ids)";
    return Panache.getSession()
        .chain(session -> session.createNativeQuery(sql).setParameter("ids", ids).executeUpdate())
        .replaceWithVoid();
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
