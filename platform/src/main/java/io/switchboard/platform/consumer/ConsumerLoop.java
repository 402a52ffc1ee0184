package io.switchboard.platform.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Owns one Kafka consumer on a thread of its own. What one poll returns goes to the {@link
 * BatchProcessor} as one batch, each partition's records in their order, and those partitions are
 * paused until the batch is settled: records of one inquiry are applied in order, a partition whose
 * dependency is down reads nothing more, and the loop itself keeps polling so that the group does
 * not consider it dead. An offset is committed only after everything before it was settled.
 *
 * <p>One batch for all partitions, not one per partition: at a moderate rate a poll holds a record
 * or two per partition, and a transaction, an inbox claim and an outbox wake-up per partition cost
 * more than the records themselves. While a batch is applied the next one gathers at the broker.
 */
final class ConsumerLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Subscription subscription;
  private final KafkaConsumer<String, String> consumer;
  private final BatchProcessor processor;
  private final Queue<Settled> settled = new ConcurrentLinkedQueue<>();
  // Touched by the loop thread only (the rebalance listener runs inside poll on that thread).
  private final Map<TopicPartition, InFlight> inFlight = new HashMap<>();
  private final Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
  private volatile boolean running = true;
  private volatile boolean joined;
  private volatile long lastPollNanos = System.nanoTime();
  private volatile Throwable died;

  ConsumerLoop(
      Subscription subscription, KafkaConsumer<String, String> consumer, BatchProcessor processor) {
    this.subscription = subscription;
    this.consumer = consumer;
    this.processor = processor;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(subscription.topic()), new Rebalance());
      while (running) {
        settleFinished();
        commitAsync();
        dispatch(poll());
      }
    } catch (Throwable unexpected) {
      died = unexpected;
      LOG.errorf(unexpected, "%s: consumer loop stopped", subscription.name());
    } finally {
      close();
    }
  }

  /** Asks the loop to finish: in-flight batches get a moment, settled offsets are committed. */
  void stop() {
    running = false;
    consumer.wakeup();
  }

  String name() {
    return subscription.name();
  }

  /** Whether the consumer has joined its group at least once. */
  boolean joined() {
    return joined;
  }

  /** Null while the loop runs as it should; why it stopped or hangs otherwise. */
  String problem(Duration stallLimit) {
    if (died != null) {
      return "stopped: " + died;
    }
    long sincePoll = System.nanoTime() - lastPollNanos;
    if (running && sincePoll > stallLimit.toNanos()) {
      return "no poll for " + TimeUnit.NANOSECONDS.toSeconds(sincePoll) + " s";
    }
    return null;
  }

  private ConsumerRecords<String, String> poll() {
    try {
      return consumer.poll(POLL);
    } catch (WakeupException settledOrStopping) {
      return ConsumerRecords.empty();
    } finally {
      lastPollNanos = System.nanoTime();
    }
  }

  private void dispatch(ConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return;
    }
    Set<TopicPartition> partitions = Set.copyOf(records.partitions());
    List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
    Map<TopicPartition, Offsets> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      List<ConsumerRecord<String, String>> own = records.records(partition);
      batch.addAll(own);
      offsets.put(partition, new Offsets(own.getFirst().offset(), own.getLast().offset() + 1));
    }
    consumer.pause(partitions);
    InFlight flight = new InFlight(offsets, new AtomicBoolean(), new CompletableFuture<>());
    partitions.forEach(partition -> inFlight.put(partition, flight));
    processor
        .process(batch, flight.cancelled()::get)
        .whenComplete(
            (ignored, failure) -> {
              settled.add(new Settled(flight, failure));
              flight.done().complete(null);
              consumer.wakeup();
            });
  }

  private void settleFinished() {
    for (Settled s = settled.poll(); s != null; s = settled.poll()) {
      Throwable failure = unwrap(s.failure());
      if (failure != null && !(failure instanceof CancellationException)) {
        // The processor settles every record; reaching here is a bug. Read the batch again.
        LOG.errorf(failure, "%s: batch %s failed unexpectedly", subscription.name(), s.flight());
      }
      InFlight flight = s.flight();
      flight.offsets().forEach((partition, offsets) -> settle(partition, offsets, flight, failure));
    }
  }

  private void settle(
      TopicPartition partition, Offsets offsets, InFlight flight, Throwable failure) {
    if (inFlight.get(partition) != flight) {
      return; // revoked meanwhile: the new owner reads from the last committed offset
    }
    inFlight.remove(partition);
    if (!consumer.assignment().contains(partition)) {
      return;
    }
    if (failure == null) {
      toCommit.put(partition, new OffsetAndMetadata(offsets.next()));
    } else {
      // Unsettled: a bug, or another partition of the batch was revoked and cancelled it.
      consumer.seek(partition, offsets.first());
    }
    consumer.resume(Set.of(partition));
  }

  private void commitAsync() {
    if (toCommit.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(toCommit);
    toCommit.clear();
    consumer.commitAsync(
        offsets,
        (committed, failure) -> {
          if (failure != null) {
            LOG.debugf("%s: offset commit failed, retried: %s", subscription.name(), failure);
            offsets.forEach(toCommit::putIfAbsent);
          }
        });
  }

  private void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        consumer.commitSync(offsets, CLOSE_WAIT);
        return;
      } catch (WakeupException pendingWakeup) {
        // A batch finished meanwhile: the wakeup meant for poll hit this call; commit again.
      } catch (RuntimeException failure) {
        LOG.warnf("%s: offset commit failed: %s", subscription.name(), failure.toString());
        return;
      }
    }
  }

  private void close() {
    inFlight.values().forEach(flight -> flight.cancelled().set(true));
    awaitInFlight();
    commitSync(Map.copyOf(toCommit));
    try {
      consumer.close(CLOSE_WAIT);
    } catch (RuntimeException failure) {
      LOG.debugf("%s: close failed: %s", subscription.name(), failure);
    }
  }

  // An attempt already in its transaction finishes (its offset can then be committed); one that
  // is waiting to retry ends at once because it was cancelled.
  private void awaitInFlight() {
    CompletableFuture<?>[] running =
        inFlight.values().stream().distinct().map(InFlight::done).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(running).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException notAllSettled) {
      LOG.debugf("%s: closing with batches unsettled: %s", subscription.name(), notAllSettled);
    }
    settleFinished();
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      settleFinished();
      Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
      for (TopicPartition partition : partitions) {
        InFlight flight = inFlight.remove(partition);
        if (flight != null) {
          flight.cancelled().set(true);
        }
        OffsetAndMetadata offset = toCommit.remove(partition);
        if (offset != null) {
          mine.put(partition, offset);
        }
      }
      commitSync(mine);
      if (!partitions.isEmpty()) {
        LOG.infof("%s: partitions revoked %s", subscription.name(), partitions);
      }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another member may own them already: committing now could move its offsets backwards.
      for (TopicPartition partition : partitions) {
        InFlight flight = inFlight.remove(partition);
        if (flight != null) {
          flight.cancelled().set(true);
        }
        toCommit.remove(partition);
      }
      LOG.warnf("%s: partitions lost %s", subscription.name(), partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      joined = true;
      if (!partitions.isEmpty()) {
        LOG.infof("%s: partitions assigned %s", subscription.name(), partitions);
      }
    }
  }

  /** One batch being applied: where each of its partitions starts and resumes. */
  private record InFlight(
      Map<TopicPartition, Offsets> offsets, AtomicBoolean cancelled, CompletableFuture<Void> done) {
    @Override
    public String toString() {
      return offsets.toString();
    }
  }

  /** A partition's part of a batch: its first record's offset and the one after its last. */
  private record Offsets(long first, long next) {}

  private record Settled(InFlight flight, Throwable failure) {}

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }
}
