package io.switchboard.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.CloudEvents;
import io.switchboard.platform.kafka.RecordPublisher;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;

/**
 * Hands a batch of outbox rows to the service's one producer, in the batch's order, as CloudEvents
 * records in binary mode (the headers contracts and integrators read).
 */
final class OutboxSender {
  private final RecordPublisher publisher;
  private final String source;
  private final OutboxMetrics metrics;
  private volatile CompletableFuture<Void> unsettled = CompletableFuture.completedFuture(null);

  OutboxSender(RecordPublisher publisher, String source, OutboxMetrics metrics) {
    this.publisher = publisher;
    this.source = source;
    this.metrics = metrics;
  }

  /** What became of a batch: the rows the broker acknowledged, and the first failure if any. */
  record Outcome(List<OutboxMessage> acknowledged, Throwable failure) {}

  /** Completes once every send of the batch settled, on the producer's thread. */
  Uni<Outcome> publish(List<OutboxMessage> batch) {
    // Each send is subscribed here, one after the other, so the publisher's one thread hands them
    // to the idempotent producer in this order, which it keeps per partition, retries included.
    List<CompletableFuture<RecordMetadata>> acks = batch.stream().map(this::send).toList();
    CompletableFuture<Void> settled =
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
            .handle((ignored, failure) -> null);
    unsettled = settled;
    // A copy: a round that gives up cancels its own view, not the record of what is in flight.
    return Uni.createFrom().completionStage(settled.copy()).map(ignored -> outcome(batch, acks));
  }

  /**
   * False while sends of an earlier round still wait for the broker. Kafka bounds every send, but
   * they queue on the publisher's one thread: a round given up at its time bound must not stack a
   * second batch behind the first.
   */
  boolean idle() {
    return unsettled.isDone();
  }

  private static Outcome outcome(
      List<OutboxMessage> batch, List<CompletableFuture<RecordMetadata>> acks) {
    List<OutboxMessage> acknowledged = new ArrayList<>();
    Throwable failure = null;
    for (int i = 0; i < batch.size(); i++) {
      try {
        acks.get(i).join();
        acknowledged.add(batch.get(i));
      } catch (CompletionException failed) {
        failure = failure == null ? failed.getCause() : failure;
      }
    }
    return new Outcome(acknowledged, failure);
  }

  private CompletableFuture<RecordMetadata> send(OutboxMessage message) {
    return publisher
        .send(record(message))
        .invoke(acknowledged -> metrics.published(message.createdAt))
        .subscribeAsCompletionStage();
  }

  private ProducerRecord<String, String> record(OutboxMessage message) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(message.topic, message.recordKey, message.payload);
    Headers headers = record.headers();
    headers.add(CloudEvents.SPEC_VERSION, bytes("1.0"));
    headers.add(CloudEvents.ID, bytes(message.id.toString()));
    headers.add(CloudEvents.TYPE, bytes(message.eventType));
    headers.add(CloudEvents.SOURCE, bytes(source));
    headers.add(CloudEvents.TIME, bytes(message.occurredAt.toString()));
    headers.add(CloudEvents.SUBJECT, bytes(message.recordKey));
    headers.add(CloudEvents.CONTENT_TYPE, bytes("application/json"));
    return record;
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
