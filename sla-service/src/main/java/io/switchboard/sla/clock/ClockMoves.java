package io.switchboard.sla.clock;

import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockPaused;
import io.switchboard.contracts.ClockResumed;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.ClockStopped;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.Priority;
import io.switchboard.sla.calendar.BusinessCalendar;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.policy.PolicyRule;
import io.switchboard.sla.policy.SlaPolicy;
import io.switchboard.sla.timer.TimerPlan;
import io.switchboard.sla.timer.TimerSchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts, stops, pauses, resumes and retargets single clocks under one policy, and keeps what that
 * changed: the clocks, their pending timers and the events to publish. Pure, no I/O; one instance
 * per batch.
 */
public final class ClockMoves {
  private static final Logger LOG = Logger.getLogger(ClockMoves.class);

  /** Counts started and stopped clocks; the implementation decides when a count takes effect. */
  public interface Meter {
    void clockStarted(ClockKind clock, Channel channel, Priority priority);

    void clockStopped(
        ClockKind clock, Channel channel, Priority priority, boolean met, Duration counted);
  }

  private final SlaPolicy policy;
  private final Calendars calendars;
  private final TimerSchedule schedule;
  private final Clock time;
  private final Meter meter;
  private final Map<UUID, SlaClock> changed = new LinkedHashMap<>();
  private final Map<UUID, List<TimerPlan.Timer>> timers = new LinkedHashMap<>();
  private final List<InquiryEvent> events = new ArrayList<>();

  /**
   * @param time stamps the events this service publishes (when sla decided, not when it happened)
   */
  public ClockMoves(
      SlaPolicy policy, Calendars calendars, TimerSchedule schedule, Clock time, Meter meter) {
    this.policy = policy;
    this.calendars = calendars;
    this.schedule = schedule;
    this.time = time;
    this.meter = meter;
  }

  Collection<SlaClock> changedClocks() {
    return changed.values();
  }

  Map<UUID, List<TimerPlan.Timer>> timers() {
    return timers;
  }

  List<InquiryEvent> events() {
    return events;
  }

  /**
   * Starts a clock, or restarts {@code existing}. Only response clocks announce themselves: their
   * due time is what the customer is told to expect.
   */
  SlaClock start(SlaInquiry inquiry, ClockKind kind, Instant at, SlaClock existing) {
    SlaClock clock = existing == null ? new SlaClock() : existing;
    if (existing == null) {
      clock.id = EventIds.next();
      clock.inquiryId = inquiry.inquiryId;
      clock.kind = kind;
    }
    clock.channel = inquiry.channel;
    PolicyRule rule = rule(kind, clock.channel, inquiry);
    applyRule(clock, rule);
    // From when the customer wrote, not from when this service got to it: consumer lag must not
    // stretch the promise.
    clock.startedAt = at;
    clock.runStartedAt = at;
    clock.countedSeconds = 0;
    clock.wallSeconds = 0;
    clock.pausedAt = null;
    clock.stoppedAt = null;
    clock.met = null;
    clock.status = SlaClock.Status.RUNNING;
    clock.dueAt = due(clock);
    meter.clockStarted(kind, clock.channel, priority(inquiry));
    LOG.infof(
        "Inquiry %s (%s): %s due at %s, rule %s",
        clock.inquiryId, clock.channel, kind, clock.dueAt, rule.name());
    changed.put(clock.id, clock);
    schedule(clock, inquiry);
    if (kind != ClockKind.RESOLUTION) {
      // The due time is told in the zone of the calendar that decided it, and "outside working
      // hours" is that calendar's word too: the customer reads what the deadline was computed
      // from.
      BusinessCalendar calendar = calendar(clock);
      events.add(
          new ClockStarted(
              EventIds.next(),
              clock.inquiryId.toString(),
              now(),
              ClockStarted.SCHEMA_VERSION,
              kind,
              clock.channel,
              clock.startedAt,
              clock.dueAt,
              clock.targetSeconds,
              rule.businessTime(),
              calendar.zone().getId(),
              rule.businessTime() && !calendar.isOpen(clock.startedAt)));
    }
    return clock;
  }

  void stop(SlaClock clock, SlaInquiry inquiry, Instant at) {
    long elapsed = clock.countedSeconds;
    Instant countedUntil = at;
    if (clock.status == SlaClock.Status.RUNNING) {
      elapsed += Deadline.countedSeconds(calendar(clock), clock.runStartedAt, at);
    } else {
      countedUntil = clock.pausedAt;
    }
    boolean met = !countedUntil.isAfter(clock.dueAt);
    clock.status = SlaClock.Status.STOPPED;
    clock.stoppedAt = at;
    clock.met = met;
    clock.countedSeconds = elapsed;
    meter.clockStopped(
        clock.kind, clock.channel, priority(inquiry), met, Duration.ofSeconds(elapsed));
    LOG.infof("Inquiry %s: %s stopped, %s", clock.inquiryId, clock.kind, met ? "met" : "missed");
    changed.put(clock.id, clock);
    timers.put(clock.id, List.of());
    events.add(
        new ClockStopped(
            EventIds.next(),
            clock.inquiryId.toString(),
            now(),
            ClockStopped.SCHEMA_VERSION,
            clock.kind,
            clock.channel,
            at,
            clock.dueAt,
            met,
            elapsed));
  }

  void pause(SlaClock clock, Instant at) {
    clock.countedSeconds += Deadline.countedSeconds(calendar(clock), clock.runStartedAt, at);
    clock.wallSeconds += Deadline.wallSeconds(clock.runStartedAt, at);
    clock.status = SlaClock.Status.PAUSED;
    clock.pausedAt = at;
    long remaining = Math.max(0, clock.targetSeconds - clock.countedSeconds);
    LOG.infof("Inquiry %s: %s paused, %ds left", clock.inquiryId, clock.kind, remaining);
    changed.put(clock.id, clock);
    timers.put(clock.id, List.of());
    events.add(
        new ClockPaused(
            EventIds.next(),
            clock.inquiryId.toString(),
            now(),
            ClockPaused.SCHEMA_VERSION,
            clock.kind,
            at,
            remaining));
  }

  void resume(SlaClock clock, SlaInquiry inquiry, Instant at) {
    clock.status = SlaClock.Status.RUNNING;
    clock.runStartedAt = at;
    clock.pausedAt = null;
    clock.stoppedAt = null;
    clock.met = null;
    clock.dueAt = due(clock);
    LOG.infof("Inquiry %s: %s resumed, due at %s", clock.inquiryId, clock.kind, clock.dueAt);
    changed.put(clock.id, clock);
    schedule(clock, inquiry);
    events.add(
        new ClockResumed(
            EventIds.next(),
            clock.inquiryId.toString(),
            now(),
            ClockResumed.SCHEMA_VERSION,
            clock.kind,
            at,
            clock.dueAt));
  }

  /** The rule for the inquiry's criteria now; a running clock gets its new due time and timers. */
  void retarget(SlaClock clock, SlaInquiry inquiry) {
    PolicyRule rule = rule(clock.kind, clock.channel, inquiry);
    if (applyRule(clock, rule)) {
      changed.put(clock.id, clock);
    }
    if (clock.status != SlaClock.Status.RUNNING) {
      return;
    }
    Instant due = due(clock);
    if (due.equals(clock.dueAt)) {
      return;
    }
    LOG.infof(
        "Inquiry %s: %s now due at %s (was %s), rule %s",
        clock.inquiryId, clock.kind, due, clock.dueAt, rule.name());
    clock.dueAt = due;
    changed.put(clock.id, clock);
    schedule(clock, inquiry);
  }

  private void schedule(SlaClock clock, SlaInquiry inquiry) {
    timers.put(clock.id, schedule.plan(clock.runStartedAt, clock.dueAt, inquiry.priority));
  }

  private PolicyRule rule(ClockKind kind, Channel channel, SlaInquiry inquiry) {
    return policy.select(kind, channel, inquiry.priority, inquiry.segment);
  }

  /** Whether the rule changed anything of the clock's. */
  private static boolean applyRule(SlaClock clock, PolicyRule rule) {
    Long cap = rule.cap() == null ? null : rule.cap().toSeconds();
    boolean same =
        rule.name().equals(clock.rule)
            && rule.target().toSeconds() == clock.targetSeconds
            && Objects.equals(rule.calendar(), clock.calendar)
            && Objects.equals(cap, clock.capSeconds);
    clock.rule = rule.name();
    clock.targetSeconds = rule.target().toSeconds();
    clock.calendar = rule.calendar();
    clock.capSeconds = cap;
    return !same;
  }

  private Instant due(SlaClock clock) {
    return Deadline.dueAt(
        calendar(clock),
        clock.runStartedAt,
        clock.targetSeconds,
        clock.countedSeconds,
        clock.capSeconds,
        clock.wallSeconds);
  }

  private BusinessCalendar calendar(SlaClock clock) {
    return calendars.forTarget(clock.calendar);
  }

  /** Until routing decides, the middle of the scale, as for the timers. */
  private static Priority priority(SlaInquiry inquiry) {
    return inquiry.priority == null ? Priority.P3 : inquiry.priority;
  }

  private Instant now() {
    return time.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
