package io.switchboard.ingest.intake;

import io.smallrye.mutiny.Uni;
import io.switchboard.ingest.IngestConfig;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Marks intake rows PUBLISHED for many requests at once: one update for every key that arrived
 * while the previous update ran (group commit). At low load each request has an update of its own
 * at once; under load the updates carry the keys of many requests, so a new inquiry costs its claim
 * plus a share of one update.
 *
 * <p>An update that fails or outlasts {@code ingest.intake.mark-timeout} fails its requests' marks
 * (they answer 202 all the same: the broker has the events) and leaves their rows PENDING for the
 * sweeper; the next update goes ahead either way.
 */
@ApplicationScoped
public class PublishedMarks {
  /** Keys one update carries at most, bounding the statement's array parameter. */
  static final int MAX_KEYS = 1000;

  private final Pool pool;
  private final IntakeRows rows;
  private final Duration timeout;
  private final Object lock = new Object();
  private List<Mark> waiting = new ArrayList<>();
  private boolean updating;

  @Inject
  public PublishedMarks(Pool pool, IntakeRows rows, IngestConfig config) {
    this(pool, rows, config.intake().markTimeout());
  }

  PublishedMarks(Pool pool, IntakeRows rows, Duration timeout) {
    this.pool = pool;
    this.rows = rows;
    this.timeout = timeout;
  }

  private record Mark(String key, CompletableFuture<Void> done) {}

  /** Completes when the row's PUBLISHED mark committed; fails when it did not. */
  public Uni<Void> mark(String key) {
    Mark mark = new Mark(key, new CompletableFuture<>());
    boolean start;
    synchronized (lock) {
      waiting.add(mark);
      start = !updating;
      updating = true;
    }
    if (start) {
      updateNext();
    }
    return Uni.createFrom().completionStage(mark.done);
  }

  private void updateNext() {
    List<Mark> batch;
    synchronized (lock) {
      if (waiting.isEmpty()) {
        updating = false;
        return;
      }
      if (waiting.size() <= MAX_KEYS) {
        batch = waiting;
        waiting = new ArrayList<>();
      } else {
        batch = new ArrayList<>(waiting.subList(0, MAX_KEYS));
        waiting = new ArrayList<>(waiting.subList(MAX_KEYS, waiting.size()));
      }
    }
    rows.markPublished(pool, batch.stream().map(Mark::key).toList())
        .ifNoItem()
        .after(timeout)
        .fail()
        .subscribe()
        .with(
            marked -> {
              batch.forEach(mark -> mark.done.complete(null));
              updateNext();
            },
            failure -> {
              batch.forEach(mark -> mark.done.completeExceptionally(failure));
              updateNext();
            });
  }
}
