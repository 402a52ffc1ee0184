package io.switchboard.platform.outbox;

import io.switchboard.platform.SwitchboardConfig;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Publishes one service schema's staged events to Kafka, from one instance at a time so that every
 * inquiry's events leave in the order they committed. The leader runs a round as soon as a commit
 * notifies it, again at once after a full batch, and otherwise every poll interval as a fallback;
 * one round at a time. A failed round is logged and the next wake-up or poll retries.
 */
final class OutboxRelay implements OutboxLeadership.Listener {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  private final Vertx vertx;
  private final OutboxLeadership leadership;
  private final OutboxRound round;
  private final long pollMillis;
  private final String schema;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wanted = new AtomicBoolean();
  private final AtomicInteger failedRounds = new AtomicInteger();
  private volatile boolean stopped;
  private volatile CompletableFuture<Void> roundOver = CompletableFuture.completedFuture(null);
  private long pollTimer = -1;

  OutboxRelay(
      Vertx vertx,
      SwitchboardConfig.Outbox settings,
      String schema,
      PgConnectOptions lockConnection,
      OutboxSender sender) {
    this.vertx = vertx;
    this.schema = schema;
    this.round = new OutboxRound(sender, schema, settings.batchSize(), settings.roundTimeout());
    this.pollMillis = Math.max(1, settings.pollInterval().toMillis());
    this.leadership =
        new OutboxLeadership(vertx, lockConnection, schema, settings.leaderCheckInterval(), this);
  }

  void start() {
    pollTimer = vertx.setPeriodic(pollMillis, ignored -> wake());
    leadership.start();
  }

  /**
   * Stops polling, lets a round in flight finish (for a while: its rows stay if it cannot), and
   * gives up the leadership.
   */
  void stop() {
    stopped = true;
    vertx.cancelTimer(pollTimer);
    try {
      roundOver.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ignored) {
      // Its rows stay for the next leader.
    }
    leadership.stop();
  }

  boolean leading() {
    return leadership.leading();
  }

  @Override
  public void elected() {
    wake();
  }

  @Override
  public void notified() {
    wake();
  }

  /** Runs a round now if this instance leads and none is running; otherwise right after it. */
  private void wake() {
    wanted.set(true);
    if (stopped || !leadership.leading() || !round.idle()) {
      return;
    }
    if (running.compareAndSet(false, true)) {
      wanted.set(false);
      roundOver = new CompletableFuture<>();
      long term = leadership.term();
      ContextExecutor.runOnSafeContext(
          vertx.getDelegate(),
          () ->
              round
                  .run(() -> leadership.holds(term))
                  .subscribe()
                  .with(this::roundDone, this::roundFailed));
    }
  }

  private void roundDone(int published) {
    endRound();
    int failed = failedRounds.getAndSet(0);
    if (failed > 0) {
      LOG.infof("Outbox relay (%s) publishes again after %d failed rounds", schema, failed);
    }
    // A full batch means more rows are likely waiting; a wake-up during the round may have more.
    if (published == round.batchSize() || wanted.get()) {
      wake();
    }
  }

  private void roundFailed(Throwable failure) {
    endRound();
    // One warning per outage, not one per poll: the rest at debug, counted when it ends.
    if (failedRounds.incrementAndGet() == 1 && !stopped) {
      LOG.warnf(
          "Outbox relay (%s) round failed, the rows stay for the next one: %s",
          schema, failure.toString());
    } else {
      LOG.debugf("Outbox relay (%s) round failed: %s", schema, failure.toString());
    }
  }

  private void endRound() {
    running.set(false);
    roundOver.complete(null);
  }
}
