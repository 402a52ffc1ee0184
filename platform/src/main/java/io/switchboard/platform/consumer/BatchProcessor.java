package io.switchboard.platform.consumer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.events.IncomingEvents;
import io.switchboard.platform.fault.FaultHooks;
import io.switchboard.platform.fault.FaultPoint;
import io.switchboard.platform.inbox.Inbox;
import io.switchboard.platform.retry.FailureKind;
import io.switchboard.platform.retry.Failures;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Settles one batch for one consumer (a poll's records, each partition's in order): every record
 * ends applied (once), skipped (a redelivery or an event the consumer ignores) or dead-lettered (it
 * can never succeed), and only then may the offset move past it.
 *
 * <p>The new events of a batch are applied in one transaction, together with the inbox claim that
 * makes a redelivery harmless. A failed attempt is classified ({@link Failures}): while a
 * dependency is down the same batch is retried with backoff for as long as it takes, and the
 * partition stays paused; a conflict is retried a bounded number of times; anything else makes the
 * records go one by one, so that only the record that cannot succeed is dead-lettered. Every
 * attempt has a time bound.
 */
final class BatchProcessor {
  private static final Logger LOG = Logger.getLogger(BatchProcessor.class);

  private final Subscription subscription;
  private final EventConsumer consumer;
  private final Inbox inbox;
  private final DeadLetters deadLetters;
  private final Vertx vertx;
  private final Retrier retrier;
  private final Duration attemptTimeout;
  private final ConsumerMetrics metrics;

  BatchProcessor(
      Subscription subscription,
      EventConsumer consumer,
      Inbox inbox,
      DeadLetters deadLetters,
      Vertx vertx,
      Retrier retrier,
      Duration attemptTimeout,
      ConsumerMetrics metrics) {
    this.subscription = subscription;
    this.consumer = consumer;
    this.inbox = inbox;
    this.deadLetters = deadLetters;
    this.vertx = vertx;
    this.retrier = retrier;
    this.attemptTimeout = attemptTimeout;
    this.metrics = metrics;
  }

  /**
   * Completes once every record is settled, or exceptionally with a {@link CancellationException}
   * when {@code cancelled} turned true first (the partition was revoked or the service stops).
   */
  CompletableFuture<Void> process(
      List<ConsumerRecord<String, String>> records, BooleanSupplier cancelled) {
    long started = System.nanoTime();
    List<Decoded> decoded = records.stream().map(Decoded::of).toList();
    CompletableFuture<Void> settled =
        deadLetterUndecodable(decoded, cancelled)
            .thenCompose(ignored -> applyInOrder(wanted(decoded), cancelled));
    return settled.thenRun(
        () -> metrics.settled(records.size(), Duration.ofNanos(System.nanoTime() - started)));
  }

  private CompletableFuture<Void> deadLetterUndecodable(
      List<Decoded> decoded, BooleanSupplier cancelled) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Decoded d : decoded) {
      if (d.failure() != null) {
        metrics.failed(FailureKind.PERMANENT);
        chain = chain.thenCompose(ignored -> deadLetter(d.record(), d.failure(), cancelled));
      }
    }
    return chain;
  }

  /** The decodable events this consumer acts on, each event id once, in partition order. */
  private List<Decoded> wanted(List<Decoded> decoded) {
    Set<UUID> seen = new HashSet<>();
    List<Decoded> wanted = new ArrayList<>();
    for (Decoded d : decoded) {
      if (d.event() != null && consumer.wants(d.event()) && seen.add(d.event().eventId())) {
        wanted.add(d);
      }
    }
    return wanted;
  }

  private CompletableFuture<Void> applyInOrder(List<Decoded> batch, BooleanSupplier cancelled) {
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return retrier
        .untilSettled(describe(batch), () -> attempt(batch), cancelled)
        .thenCompose(
            failure -> {
              if (failure == null) {
                return CompletableFuture.completedFuture(null);
              }
              if (batch.size() == 1) {
                return deadLetter(batch.getFirst().record(), failure, cancelled);
              }
              LOG.infof(
                  "%s: a batch of %d failed (%s); applying its records one by one",
                  subscription.name(), batch.size(), Failures.describe(failure));
              return oneByOne(batch, cancelled);
            });
  }

  private CompletableFuture<Void> oneByOne(List<Decoded> batch, BooleanSupplier cancelled) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Decoded d : batch) {
      chain = chain.thenCompose(ignored -> applyInOrder(List.of(d), cancelled));
    }
    return chain;
  }

  /** One transaction: claim the events in the inbox, apply those not seen before, commit. */
  private CompletableFuture<Void> attempt(List<Decoded> batch) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    List<InquiryEvent> events = batch.stream().map(Decoded::event).toList();
    ContextExecutor.runOnSafeContext(
        vertx,
        () ->
            AfterCommit.scope(() -> Panache.withTransaction(() -> applyNew(events)))
                .ifNoItem()
                .after(attemptTimeout)
                .failWith(() -> new TimeoutException("attempt took longer than " + attemptTimeout))
                .subscribe()
                .with(
                    ignored -> {
                      FaultHooks.reached(FaultPoint.AFTER_DB_COMMIT_BEFORE_OFFSET_COMMIT);
                      result.complete(null);
                    },
                    result::completeExceptionally));
    return result;
  }

  private Uni<Void> applyNew(List<InquiryEvent> events) {
    List<UUID> ids = events.stream().map(InquiryEvent::eventId).toList();
    return inbox
        .claim(subscription.group(), ids)
        .chain(
            fresh -> {
              List<InquiryEvent> todo =
                  events.stream().filter(e -> fresh.contains(e.eventId())).toList();
              if (todo.size() < events.size()) {
                LOG.debugf(
                    "%s: %d redelivered event(s) skipped",
                    subscription.name(), events.size() - todo.size());
              }
              return todo.isEmpty() ? Uni.createFrom().voidItem() : consumer.applyAll(todo);
            });
  }

  private CompletableFuture<Void> deadLetter(
      ConsumerRecord<String, String> record, Throwable failure, BooleanSupplier cancelled) {
    String where = record.topic() + "-" + record.partition() + "@" + record.offset();
    return retrier
        .untilSent(
            "dead letter of " + where,
            () ->
                deadLetters
                    .send(subscription.deadLetterTopic(), record, failure)
                    .subscribeAsCompletionStage(),
            cancelled)
        .thenRun(
            () -> {
              metrics.deadLettered();
              LOG.errorf(
                  "%s: record %s (%s) dead-lettered to %s: %s",
                  subscription.name(),
                  where,
                  IncomingEvents.ceType(record),
                  subscription.deadLetterTopic(),
                  Failures.describe(failure));
            });
  }

  /** The consumer and, per partition, the offsets: {@code routing inquiries.inbound-0@7..9}. */
  private String describe(List<Decoded> batch) {
    Map<String, long[]> ranges = new LinkedHashMap<>();
    for (Decoded d : batch) {
      ConsumerRecord<String, String> r = d.record();
      long[] range =
          ranges.computeIfAbsent(r.topic() + "-" + r.partition(), p -> new long[] {r.offset(), 0});
      range[1] = r.offset();
    }
    StringBuilder text = new StringBuilder(subscription.name());
    ranges.forEach(
        (partition, range) -> {
          text.append(' ').append(partition).append('@').append(range[0]);
          if (range[1] != range[0]) {
            text.append("..").append(range[1]);
          }
        });
    return text.toString();
  }

  /** A record with its event, or with the reason it cannot be read. */
  private record Decoded(
      ConsumerRecord<String, String> record, InquiryEvent event, Throwable failure) {
    static Decoded of(ConsumerRecord<String, String> record) {
      try {
        return new Decoded(record, IncomingEvents.decode(record), null);
      } catch (RuntimeException unreadable) {
        return new Decoded(record, null, unreadable);
      }
    }
  }
}
