package io.switchboard.sla.timer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.Priority;
import io.switchboard.contracts.SlaBreached;
import io.switchboard.contracts.SlaEscalated;
import io.switchboard.contracts.SlaWarning;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.sla.metrics.SlaMetrics;
import io.switchboard.sla.policy.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fires due timers: claims them with {@code for update skip locked}, marks them fired and stages
 * their events in one transaction, so a timer fires once and its event goes out once, whatever
 * number of instances poll.
 *
 * <p>The claim locks the inquiry's row as well as the timer's, skipping both when either is taken:
 * every transaction that stages an event of an inquiry holds that row, so the outbox sequence of an
 * inquiry's events is their commit order (a breach is never relayed after the clock-stop that
 * committed before it). Skipping rather than waiting keeps the claim free of deadlocks with a
 * consumer that locked the inquiry and then deletes its pending timers.
 */
@ApplicationScoped
public class TimerFiring {
  /** Routing has not decided yet: the middle of the scale. */
  static final Priority UNDECIDED = Priority.P3;

  private static final Logger LOG = Logger.getLogger(TimerFiring.class);

  private final Outbox outbox;
  private final SlaMetrics metrics;
  private final int batchSize;
  private final String claim;
  private final String markFired;

  public TimerFiring(
      Outbox outbox,
      SlaMetrics metrics,
      SlaConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.outbox = outbox;
    this.metrics = metrics;
    this.batchSize = config.timers().batchSize();
    // Instants as epoch microseconds: plain numbers read the same whatever the driver maps
    // timestamptz to in a native query.
    this.claim =
        "select cast(t.id as text), t.kind, t.level, cast(extract(epoch from t.due_at) * 1000000 as bigint),"
            + " cast(c.inquiry_id as text), c.kind, c.channel,"
            + " cast(extract(epoch from c.due_at) * 1000000 as bigint),"
            + " i.priority, i.assignee_id, i.team_id"
            + " from "
            + schema
            + ".sla_timer t join "
            + schema
            + ".sla_clock c on c.id = t.clock_id join "
            + schema
            + ".sla_inquiry i on i.inquiry_id = c.inquiry_id"
            + " where t.fired_at is null and t.due_at <= clock_timestamp()"
            + " order by t.due_at limit :limit for update of t, i skip locked";
    this.markFired =
        "update " + schema + ".sla_timer set fired_at = clock_timestamp() where id in (:ids)";
  }

  /** Fires one batch of due timers in one transaction; the number fired. */
  public Uni<Integer> fireDue() {
    return Panache.withTransaction(
        () ->
            Panache.getSession()
                .chain(
                    session ->
                        session
                            .<Object[]>createNativeQuery(claim)
                            .setParameter("limit", batchSize)
                            .getResultList())
                .chain(this::fire));
  }

  private Uni<Integer> fire(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<UUID> ids = rows.stream().map(r -> UUID.fromString((String) r[0])).toList();
    Uni<Void> chain =
        Panache.getSession()
            .chain(
                session ->
                    session.createNativeQuery(markFired).setParameter("ids", ids).executeUpdate())
            .replaceWithVoid();
    for (Object[] row : rows) {
      Due due = Due.of(row);
      chain = chain.chain(() -> outbox.stage(due.event(now)));
    }
    return chain
        .invoke(() -> rows.forEach(row -> record(Due.of(row), now)))
        .replaceWith(rows.size());
  }

  private void record(Due due, Instant now) {
    metrics.timerFired(
        due.kind, due.clock, due.channel, due.priority, Duration.between(due.timerDueAt, now));
    if (due.kind == TimerPlan.Kind.BREACH) {
      LOG.infof("Inquiry %s: %s breached (due %s)", due.inquiryId, due.clock, due.clockDueAt);
    }
  }

  /** A claimed timer with what its event needs. */
  private record Due(
      TimerPlan.Kind kind,
      int level,
      Instant timerDueAt,
      String inquiryId,
      ClockKind clock,
      Channel channel,
      Instant clockDueAt,
      Priority priority,
      String assigneeId,
      String teamId) {

    static Due of(Object[] row) {
      return new Due(
          TimerPlan.Kind.valueOf((String) row[1]),
          ((Number) row[2]).intValue(),
          micros(row[3]),
          (String) row[4],
          ClockKind.valueOf((String) row[5]),
          Channel.valueOf((String) row[6]),
          micros(row[7]),
          row[8] == null ? UNDECIDED : Priority.valueOf((String) row[8]),
          (String) row[9],
          (String) row[10]);
    }

    InquiryEvent event(Instant now) {
      return switch (kind) {
        case WARNING ->
            new SlaWarning(
                EventIds.next(),
                inquiryId,
                now,
                SlaWarning.SCHEMA_VERSION,
                clock,
                channel,
                priority,
                clockDueAt,
                Math.max(0, Duration.between(now, clockDueAt).toSeconds()),
                assigneeId);
        case BREACH ->
            new SlaBreached(
                EventIds.next(),
                inquiryId,
                now,
                SlaBreached.SCHEMA_VERSION,
                clock,
                channel,
                priority,
                clockDueAt,
                assigneeId);
        case ESCALATION ->
            new SlaEscalated(
                EventIds.next(),
                inquiryId,
                now,
                SlaEscalated.SCHEMA_VERSION,
                clock,
                channel,
                priority,
                level,
                assigneeId,
                teamId);
      };
    }

    private static Instant micros(Object value) {
      long micros = ((Number) value).longValue();
      return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
  }
}
