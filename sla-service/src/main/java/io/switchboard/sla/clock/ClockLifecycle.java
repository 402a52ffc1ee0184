package io.switchboard.sla.clock;

import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.metrics.SlaMetrics;
import io.switchboard.sla.policy.PolicyStore;
import io.switchboard.sla.timer.TimerSchedule;
import io.switchboard.sla.timer.TimerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Applies events to the clocks of their inquiries in the caller's transaction, with the same few
 * statements for one event or a batch of hundreds: the inquiries' rows locked and read, their
 * clocks read, the events applied in memory ({@link ClockBatch}), then the changed inquiries, the
 * changed clocks, their pending timers and the events to publish written with one statement each.
 */
@ApplicationScoped
public class ClockLifecycle {
  private final ClockStore store;
  private final TimerStore timers;
  private final Outbox outbox;
  private final PolicyStore policy;
  private final Calendars calendars;
  private final TimerSchedule schedule;
  private final SlaMetrics metrics;

  public ClockLifecycle(
      ClockStore store,
      TimerStore timers,
      Outbox outbox,
      PolicyStore policy,
      Calendars calendars,
      TimerSchedule schedule,
      SlaMetrics metrics) {
    this.store = store;
    this.timers = timers;
    this.outbox = outbox;
    this.policy = policy;
    this.calendars = calendars;
    this.schedule = schedule;
    this.metrics = metrics;
  }

  /** Applies the events in their order; the caller's inbox keeps each to once. */
  public Uni<Void> applyAll(List<InquiryEvent> events) {
    SortedSet<UUID> inquiries =
        events.stream()
            .filter(ClockBatch::concerns)
            .map(event -> UUID.fromString(event.inquiryId()))
            .collect(Collectors.toCollection(TreeSet::new));
    return load(inquiries).invoke(batch -> events.forEach(batch::apply)).chain(this::write);
  }

  /** The open clocks of these inquiries follow the policy in force now. */
  public Uni<Void> retarget(Collection<UUID> inquiryIds) {
    return load(new TreeSet<>(inquiryIds))
        .invoke(batch -> inquiryIds.forEach(batch::retarget))
        .chain(this::write);
  }

  private Uni<ClockBatch> load(SortedSet<UUID> inquiries) {
    ClockMoves moves =
        new ClockMoves(policy.current(), calendars, schedule, Clock.systemUTC(), metrics);
    if (inquiries.isEmpty()) {
      return Uni.createFrom().item(new ClockBatch(moves, List.of(), List.of()));
    }
    return store
        .lock(inquiries)
        .chain(
            locked ->
                store.clocksOf(inquiries).map(clocks -> new ClockBatch(moves, locked, clocks)));
  }

  private Uni<Void> write(ClockBatch batch) {
    return store
        .saveInquiries(batch.changedInquiries())
        .chain(() -> store.saveClocks(batch.changedClocks()))
        .chain(() -> timers.replace(batch.timers()))
        .chain(() -> outbox.stageAll(batch.events()));
  }
}
