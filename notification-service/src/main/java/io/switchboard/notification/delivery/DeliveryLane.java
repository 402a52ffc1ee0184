package io.switchboard.notification.delivery;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.DeliveryMedium;
import io.switchboard.platform.retry.Backoff;
import io.switchboard.platform.retry.FailureKind;
import io.switchboard.platform.retry.Failures;
import io.switchboard.platform.vertx.ContextExecutor;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Delivers one medium's due messages, one round at a time: claim a batch under a lease, send it
 * with at most {@code concurrency} sends in flight, record the outcomes in one transaction. A round
 * that claimed something is followed by another at once; an idle lane sleeps until its next row is
 * due, a wake-up, or the poll interval. Each medium has its own lane, so a provider that is down
 * slows only its own messages.
 */
final class DeliveryLane {
  private static final Logger LOG = Logger.getLogger(DeliveryLane.class);
  private static final Duration STOP_WAIT = Duration.ofSeconds(15);

  /** What a lane is made of; one per service, shared by its lanes. */
  record Parts(
      Vertx vertx,
      DeliveryClaims claims,
      Senders senders,
      MessageComposer composer,
      RetryPolicy retries,
      Backoff probeBackoff,
      Backoff databaseBackoff,
      int batchSize,
      Duration lease,
      Duration timeout,
      Duration pollInterval) {}

  private final DeliveryMedium medium;
  private final Parts parts;
  private final BatchSender sender;
  private final ProviderGate gate;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean wanted;
  private volatile boolean probing;
  private volatile boolean stopped;
  private volatile CompletableFuture<Void> roundOver = CompletableFuture.completedFuture(null);
  private int failedRounds;
  private long timer = -1;
  private Instant timerAt = Instant.MAX;
  private Instant wantedAt = Instant.MAX;

  DeliveryLane(DeliveryMedium medium, Parts parts, int concurrency) {
    this.medium = medium;
    this.parts = parts;
    this.sender = new BatchSender(parts.senders(), parts.composer(), parts.retries(), concurrency);
    this.gate = new ProviderGate(parts.probeBackoff());
  }

  /** Runs a round now, or right after the one running; while probing, waits for the probe. */
  void wake() {
    wanted = true;
    if (!stopped && !probing) {
      start();
    }
  }

  /**
   * A row becomes due at {@code at}: an idle lane sleeping past it wakes then instead, and a round
   * running now (which may have looked for its next due row before that row committed) sleeps no
   * longer than that.
   */
  synchronized void wakeAt(Instant at) {
    if (at.isBefore(wantedAt)) {
      wantedAt = at;
    }
    if (!stopped && !running.get() && at.isBefore(timerAt)) {
      schedule(Duration.between(Instant.now(), at));
    }
  }

  /** No round starts any more; the one running may finish and record, for a while. */
  void stop() {
    stopped = true;
    cancelTimer();
    try {
      roundOver.get(STOP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (Exception ignored) {
      // Its rows stay claimed until their lease runs out, then another instance sends them.
    }
  }

  private void start() {
    if (stopped || !running.compareAndSet(false, true)) {
      return;
    }
    wanted = false;
    cancelTimer();
    roundOver = new CompletableFuture<>();
    ContextExecutor.runOnSafeContext(
        parts.vertx(), () -> round().subscribe().with(this::roundDone, this::roundFailed));
  }

  private Uni<Round> round() {
    Executor context = ContextExecutor.current();
    UUID claim = UUID.randomUUID();
    Instant claimedAt = Instant.now();
    return parts
        .claims()
        .claim(medium, parts.batchSize(), claim, parts.lease())
        .chain(
            rows ->
                rows.isEmpty()
                    ? parts.claims().nextDue(medium).map(Round::idle)
                    : deliver(rows, claim, claimedAt, context));
  }

  private Uni<Round> deliver(
      List<ClaimedDelivery> rows, UUID claim, Instant claimedAt, Executor context) {
    // The last moment a send may start and still end, timed out or not, within the lease.
    Instant lastStart = claimedAt.plus(parts.lease()).minus(parts.timeout().multipliedBy(2));
    // Timings of the round's parts, for the debug log: where a slow lane spends its time.
    long claimMillis = Duration.between(claimedAt, Instant.now()).toMillis();
    long sending = System.nanoTime();
    long[] recording = new long[1];
    Uni<List<DeliveryOutcome>> sent =
        gate.down()
            ? sender.probeFirst(rows, lastStart, gate.probeDelay())
            : sender.sendAll(rows, lastStart);
    return sent.emitOn(context)
        .invoke(() -> recording[0] = System.nanoTime())
        .call(outcomes -> recordOnceReachable(claim, outcomes, context))
        .invoke(
            outcomes ->
                LOG.debugf(
                    "%s round: %d claimed (%d ms), sent (%d ms), recorded (%d ms)",
                    medium,
                    rows.size(),
                    claimMillis,
                    (recording[0] - sending) / 1_000_000,
                    (System.nanoTime() - recording[0]) / 1_000_000))
        .chain(this::judge);
  }

  // While the database is away the outcomes are kept and recorded once it is back, also past the
  // lease: the record applies only to rows this claim still holds, so it is right as long as nobody
  // claimed them again, and the sooner it lands the fewer messages are sent a second time. The lane
  // has nothing else to do meanwhile; a stopping service gives up.
  private Uni<Void> recordOnceReachable(
      UUID claim, List<DeliveryOutcome> outcomes, Executor context) {
    return Uni.createFrom()
        .deferred(() -> parts.claims().record(claim, outcomes))
        // A retry resubscribes on the backoff's thread; the session belongs to this context.
        .runSubscriptionOn(context)
        .onFailure(failure -> !stopped && Failures.classify(failure) != FailureKind.PERMANENT)
        .retry()
        .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .indefinitely();
  }

  private Uni<Round> judge(List<DeliveryOutcome> outcomes) {
    int delivered = 0;
    int failed = 0;
    for (DeliveryOutcome outcome : outcomes) {
      if (outcome.providerAnswered()) {
        delivered++;
      } else if (outcome.result() == DeliveryOutcome.Result.RETRY) {
        failed++;
      }
    }
    ProviderGate.Change change = gate.afterRound(delivered, failed);
    probing = gate.down();
    Round round = Round.busy(outcomes.size());
    return switch (change) {
      case WENT_DOWN -> {
        LOG.warnf(
            "%s provider looks down: every send of a round failed; probing it with one message"
                + " at a time",
            medium);
        yield Uni.createFrom().item(round);
      }
      case RECOVERED ->
          parts
              .claims()
              .pullForward(medium)
              .invoke(
                  waiting ->
                      LOG.infof(
                          "%s provider answers again: %d waiting message(s) are due now",
                          medium, waiting))
              .replaceWith(round);
      case NONE -> Uni.createFrom().item(round);
    };
  }

  private void roundDone(Round round) {
    endRound();
    if (failedRounds > 0) {
      LOG.infof(
          "%s deliveries: the ledger is reachable again after %d failed round(s)",
          medium, failedRounds);
      failedRounds = 0;
    }
    if (stopped) {
      return;
    }
    if (probing) {
      schedule(gate.probeDelay());
    } else if (round.claimed() > 0 || wanted) {
      start();
    } else {
      sleep(round.nextDue());
    }
  }

  private synchronized void sleep(Optional<Instant> nextDue) {
    Instant now = Instant.now();
    Instant until = now.plus(parts.pollInterval());
    if (nextDue.isPresent() && nextDue.get().isBefore(until)) {
      until = nextDue.get();
    }
    if (wantedAt.isBefore(until)) {
      until = wantedAt;
    }
    wantedAt = Instant.MAX;
    schedule(Duration.between(now, until));
  }

  private void roundFailed(Throwable failure) {
    endRound();
    failedRounds++;
    if (failedRounds == 1) {
      LOG.warnf(
          "%s deliveries: a round failed, retrying with backoff (claimed rows are sent again"
              + " after their lease): %s",
          medium, Failures.describe(failure));
    } else {
      LOG.debugf("%s deliveries: round failed again: %s", medium, Failures.describe(failure));
    }
    if (!stopped) {
      schedule(parts.databaseBackoff().delay(failedRounds));
    }
  }

  private void endRound() {
    running.set(false);
    roundOver.complete(null);
  }

  private synchronized void schedule(Duration delay) {
    cancelTimer();
    long millis = Math.max(1, delay.toMillis());
    timerAt = Instant.now().plusMillis(millis);
    timer = parts.vertx().setTimer(millis, id -> fire(id));
  }

  private synchronized void fire(long id) {
    if (timer == id) {
      timer = -1;
      timerAt = Instant.MAX;
      start();
    }
  }

  private synchronized void cancelTimer() {
    if (timer != -1) {
      parts.vertx().cancelTimer(timer);
      timer = -1;
      timerAt = Instant.MAX;
    }
  }

  /** What a round did, and for an idle one when the next row is due. */
  private record Round(int claimed, Optional<Instant> nextDue) {
    static Round idle(Optional<Instant> nextDue) {
      return new Round(0, nextDue);
    }

    static Round busy(int claimed) {
      return new Round(claimed, Optional.empty());
    }
  }
}
