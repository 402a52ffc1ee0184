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
import io.switchboard.platform.consumer.AfterCommit;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.sla.metrics.SlaMetrics;
import io.switchboard.sla.policy.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Fires due timers: claims a batch of them with {@code for update skip locked} and marks them fired
 * in one statement, then stages their events with one more, in one transaction, so a timer fires
 * once and its event goes out once, whatever number of instances poll.
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

  /** An inquiry's timers that fall due together go out in the order they were planned. */
  private static final Comparator<Due> PLANNED =
      Comparator.comparing(Due::timerDueAt)
          .thenComparing(Due::kind)
          .thenComparingInt(Due::level)
          .thenComparing(Due::inquiryId);

  private final Outbox outbox;
  private final SlaMetrics metrics;
  private final int batchSize;
  private final String claim;

  public TimerFiring(
      Outbox outbox,
      SlaMetrics metrics,
      SlaConfig config,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.outbox = outbox;
    this.metrics = metrics;
    this.batchSize = config.timers().batchSize();
    // What the events need is taken from the claim, whose locked rows are their latest versions.
    // Instants as epoch microseconds: plain numbers read the same whatever the driver maps
    // timestamptz to in a native query. statement_timestamp(), not clock_timestamp(): a volatile
    // bound cannot be an index condition, and every poll would read every pending timer.
    this.claim =
        "with due as (select t.id, t.kind, t.level, t.due_at, c.inquiry_id, c.kind as clock,"
            + " c.channel, c.due_at as clock_due_at, i.priority, i.assignee_id, i.team_id"
            + " from "
            + schema
            + ".sla_timer t join "
            + schema
            + ".sla_clock c on c.id = t.clock_id join "
            + schema
            + ".sla_inquiry i on i.inquiry_id = c.inquiry_id"
            + " where t.fired_at is null and t.due_at <= statement_timestamp()"
            + " order by t.due_at limit :limit for update of t, i skip locked)"
            + " update "
            + schema
            + ".sla_timer t set fired_at = clock_timestamp() from due where t.id = due.id"
            + " returning due.kind, due.level, cast(extract(epoch from due.due_at) * 1000000 as"
            + " bigint), cast(due.inquiry_id as text), due.clock, due.channel,"
            + " cast(extract(epoch from due.clock_due_at) * 1000000 as bigint), due.priority,"
            + " due.assignee_id, due.team_id";
  }

  /**
   * Fires one batch of due timers in one transaction; the number fired. Their metrics count once
   * the transaction committed.
   */
  public Uni<Integer> fireDue() {
    return AfterCommit.scope(
        () ->
            Panache.withTransaction(
                () ->
                    Panache.getSession()
                        .chain(
                            session ->
                                session
                                    .<Object[]>createNativeQuery(claim)
                                    .setParameter("limit", batchSize)
                                    .getResultList())
                        .chain(this::fire)));
  }

  private Uni<Integer> fire(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Due> due = rows.stream().map(Due::of).sorted(PLANNED).toList();
    due.forEach(d -> record(d, now));
    return outbox.stageAll(due.stream().map(d -> d.event(now)).toList()).replaceWith(due.size());
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
          TimerPlan.Kind.valueOf((String) row[0]),
          ((Number) row[1]).intValue(),
          micros(row[2]),
          (String) row[3],
          ClockKind.valueOf((String) row[4]),
          Channel.valueOf((String) row[5]),
          micros(row[6]),
          row[7] == null ? UNDECIDED : Priority.valueOf((String) row[7]),
          (String) row[8],
          (String) row[9]);
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
