package io.switchboard.ingest.intake;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventCodec;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.ingest.IngestConfig;
import io.switchboard.ingest.metrics.IngestMetrics;
import io.switchboard.ingest.publishing.InboundPublisher;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Settles the intake rows requests left behind ({@link IntakeStatus}). Every few seconds it
 * publishes the PENDING rows older than the grace period, with their stored event and original
 * event id, and marks them PUBLISHED; it deletes REFUSED rows older than the retention. It never
 * publishes a REFUSED row: that client heard 503.
 *
 * <p>A round locks its rows {@code for update skip locked} for its whole transaction, so two
 * instances never publish the same row at once; the mark commits only after the broker
 * acknowledged, so a crash or an outage in between leaves the row PENDING for a later round (a
 * duplicate with the same event id at worst). Each round is bounded in time and a failed round
 * changes nothing: the next one retries.
 */
@ApplicationScoped
public class IntakeSweeper {
  private static final Logger LOG = Logger.getLogger(IntakeSweeper.class);
  private static final String PRODUCER = "mp.messaging.outgoing.inquiries-inbound.";

  private final AtomicBoolean running = new AtomicBoolean();
  private final Pool pool;
  private final IntakeRows rows;
  private final InboundPublisher publisher;
  private final IngestMetrics metrics;
  private final IngestConfig.Intake settings;
  private final SweepTiming timing;
  private volatile Vertx vertx;
  private volatile long timer;

  public IntakeSweeper(
      Pool pool,
      IntakeRows rows,
      InboundPublisher publisher,
      IngestMetrics metrics,
      IngestConfig config,
      // Kafka's own defaults, when the producer does not set them.
      @ConfigProperty(name = PRODUCER + "max.block.ms", defaultValue = "60000") long maxBlockMs,
      @ConfigProperty(name = PRODUCER + "delivery.timeout.ms", defaultValue = "120000")
          long deliveryTimeoutMs) {
    this.pool = pool;
    this.rows = rows;
    this.publisher = publisher;
    this.metrics = metrics;
    this.settings = config.intake();
    this.timing =
        SweepTiming.checked(
            settings.pendingGrace(),
            settings.sweep().roundTimeout(),
            Duration.ofMillis(maxBlockMs + deliveryTimeoutMs));
  }

  void start(@Observes StartupEvent startup, Vertx vertx) {
    this.vertx = vertx;
    long interval = Math.max(100, settings.sweep().interval().toMillis());
    timer = vertx.setPeriodic(interval, ignored -> runRound());
  }

  // Before the database pool closes, so that no round starts against a closed pool.
  void stop(@Observes ShutdownEvent shutdown) {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }

  private void runRound() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    sweep()
        // The last resort against a connection that hangs without failing: the round is
        // abandoned, its transaction rolls back and a later round takes its rows.
        .ifNoItem()
        .after(timing.roundTimeout())
        .fail()
        .onTermination()
        .invoke(() -> running.set(false))
        .subscribe()
        .with(
            tally -> {},
            failure -> LOG.warnf("Intake sweep round failed, retried: %s", failure.toString()));
  }

  /** One round: publish what is due, then expire what is old. */
  public Uni<SweepTally> sweep() {
    return publishDue()
        .invoke(this::count)
        .chain(
            published ->
                expireRefused()
                    .invoke(expired -> metrics.swept(SweepOutcome.EXPIRED, expired))
                    .map(published::withExpired));
  }

  private Uni<SweepTally> publishDue() {
    return pool.withTransaction(
        transaction ->
            rows.boundStatements(transaction, timing.statementBound())
                .chain(
                    () ->
                        rows.lockDuePending(
                            transaction, timing.grace(), settings.sweep().batchSize()))
                .chain(
                    due ->
                        publishEach(due)
                            .call(acknowledged -> rows.markPublished(transaction, acknowledged))
                            .map(acknowledged -> tally(due, acknowledged))));
  }

  /**
   * @return the keys of the rows the broker acknowledged
   */
  private Uni<List<String>> publishEach(List<PendingIntake> due) {
    if (due.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Uni<Optional<String>>> sends = due.stream().map(this::publishOne).toList();
    return Uni.join()
        .all(sends)
        .andFailFast()
        .map(keys -> keys.stream().flatMap(Optional::stream).toList());
  }

  /**
   * @return the row's key once acknowledged, empty when not
   */
  private Uni<Optional<String>> publishOne(PendingIntake row) {
    InquiryEvent stored;
    try {
      stored = EventCodec.decode(row.eventType(), row.eventJson());
    } catch (RuntimeException unreadable) {
      LOG.errorf(
          "Intake row of inquiry %s holds an unreadable event, left PENDING: %s",
          row.inquiryId(), unreadable);
      return Uni.createFrom().item(Optional.empty());
    }
    return publisher
        .publish(stored, row.eventJson())
        .ifNoItem()
        .after(timing.publishBound())
        .fail()
        .replaceWith(Optional.of(row.sourceKey()))
        .onFailure()
        .recoverWithItem(Optional.empty());
  }

  private SweepTally tally(List<PendingIntake> due, List<String> acknowledged) {
    int failed = due.size() - acknowledged.size();
    if (failed > 0) {
      LOG.warnf(
          "Intake sweep: %d of %d PENDING rows not acknowledged by the broker, retried next round",
          failed, due.size());
    }
    return new SweepTally(acknowledged.size(), failed, 0);
  }

  private Uni<Integer> expireRefused() {
    return pool.withTransaction(
        transaction ->
            rows.boundStatements(transaction, timing.statementBound())
                .chain(
                    () ->
                        rows.expireRefused(
                            transaction,
                            settings.refusedRetention(),
                            settings.sweep().batchSize())));
  }

  private void count(SweepTally tally) {
    metrics.swept(SweepOutcome.PUBLISHED, tally.published());
    metrics.swept(SweepOutcome.FAILED, tally.failed());
    if (tally.published() > 0) {
      LOG.infof("Intake sweep: %d PENDING rows published", tally.published());
    }
  }
}
