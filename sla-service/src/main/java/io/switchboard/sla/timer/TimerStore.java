package io.switchboard.sla.timer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.Priority;
import io.switchboard.sla.calendar.BusinessCalendar;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.policy.SlaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes the pending timers of a clock, in the caller's transaction. */
@ApplicationScoped
public class TimerStore {
  private final SlaConfig.Timers config;
  private final BusinessCalendar alertCalendar;
  private final String insert;
  private final String cancel;

  public TimerStore(
      SlaConfig config,
      Calendars calendars,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.config = config.timers();
    this.alertCalendar = calendars.get(this.config.alertCalendar());
    this.insert =
        "insert into "
            + schema
            + ".sla_timer (id, clock_id, kind, level, due_at) values (:id, :clock, :kind, :level,"
            + " :due)";
    // Fired rows stay as the record of what went out; only pending ones are replaced.
    this.cancel =
        "delete from " + schema + ".sla_timer where clock_id = :clock and fired_at is null";
  }

  /** Replaces the clock's pending timers with those of a clock running until {@code dueAt}. */
  public Uni<Void> schedule(UUID clockId, Instant runStartedAt, Instant dueAt, Priority priority) {
    BusinessCalendar holdTo =
        priority != null && config.urgentPriorities().contains(priority) ? null : alertCalendar;
    List<TimerPlan.Timer> timers =
        TimerPlan.plan(runStartedAt, dueAt, config.warnBefore(), config.escalateAfter(), holdTo);
    Uni<Void> chain = cancel(clockId);
    for (TimerPlan.Timer timer : timers) {
      chain = chain.chain(() -> insert(clockId, timer));
    }
    return chain;
  }

  /** Drops the clock's pending timers: it stopped or paused. */
  public Uni<Void> cancel(UUID clockId) {
    return Panache.getSession()
        .chain(session -> session.flush().replaceWith(session))
        .chain(
            session ->
                session.createNativeQuery(cancel).setParameter("clock", clockId).executeUpdate())
        .replaceWithVoid();
  }

  private Uni<Void> insert(UUID clockId, TimerPlan.Timer timer) {
    return Panache.getSession()
        .chain(
            session ->
                session
                    .createNativeQuery(insert)
                    .setParameter("id", EventIds.next())
                    .setParameter("clock", clockId)
                    .setParameter("kind", timer.kind().name())
                    .setParameter("level", timer.level())
                    .setParameter("due", timer.dueAt())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
