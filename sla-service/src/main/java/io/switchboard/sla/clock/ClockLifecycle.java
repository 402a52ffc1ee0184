package io.switchboard.sla.clock;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.switchboard.contracts.Channel;
import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.ClockPaused;
import io.switchboard.contracts.ClockResumed;
import io.switchboard.contracts.ClockStarted;
import io.switchboard.contracts.ClockStopped;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.EventIds;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.contracts.Priority;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.sla.calendar.BusinessCalendar;
import io.switchboard.sla.calendar.Calendars;
import io.switchboard.sla.metrics.SlaMetrics;
import io.switchboard.sla.policy.PolicyRule;
import io.switchboard.sla.policy.PolicyStore;
import io.switchboard.sla.timer.TimerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Moves an inquiry's clocks along its lifecycle: first response from receipt to the first operator
 * reply, next response from a customer reply to the operator's answer, resolution from receipt to
 * RESOLVED with pauses while waiting on the customer.
 */
@ApplicationScoped
public class ClockLifecycle {
  private static final Logger LOG = Logger.getLogger(ClockLifecycle.class);

  private final Outbox outbox;
  private final PolicyStore policy;
  private final Calendars calendars;
  private final TimerStore timers;
  private final SlaMetrics metrics;
  private final String ensureInquiry;

  public ClockLifecycle(
      Outbox outbox,
      PolicyStore policy,
      Calendars calendars,
      TimerStore timers,
      SlaMetrics metrics,
      @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
    this.outbox = outbox;
    this.policy = policy;
    this.calendars = calendars;
    this.timers = timers;
    this.metrics = metrics;
    this.ensureInquiry =
        "insert into " + schema + ".sla_inquiry (inquiry_id) values (:id) on conflict do nothing";
  }

  /** Applies one event; the caller's transaction and inbox keep it to once per event. */
  public Uni<Void> apply(InquiryEvent event) {
    return switch (event) {
      case InquiryReceived received -> received(received);
      case CustomerReplied reply -> customerReplied(reply);
      case OperatorReplied reply ->
          withInquiry(reply, inquiry -> answered(inquiry, reply.occurredAt()));
      case InquiryStatusChanged change ->
          withInquiry(change, inquiry -> statusChanged(change, inquiry));
      case InquiryPrioritized prioritized ->
          withInquiry(
              prioritized,
              inquiry -> {
                inquiry.priority = prioritized.priority();
                inquiry.segment = prioritized.segment();
                inquiry.teamId = prioritized.teamId();
                return retarget(inquiry);
              });
      case InquiryAssigned assigned ->
          withInquiry(
              assigned,
              inquiry -> {
                inquiry.assigneeId = assigned.operatorId();
                inquiry.teamId = assigned.teamId();
                if (assigned.priority() == null || assigned.priority() == inquiry.priority) {
                  return Uni.createFrom().voidItem();
                }
                inquiry.priority = assigned.priority();
                return retarget(inquiry);
              });
      default -> Uni.createFrom().voidItem();
    };
  }

  /**
   * Runs {@code work} with the inquiry's row locked: the inbound and lifecycle consumers, and the
   * policy API, change the same clocks, and each must see what the other committed.
   */
  private Uni<Void> withInquiry(InquiryEvent event, Function<SlaInquiry, Uni<Void>> work) {
    UUID id = UUID.fromString(event.inquiryId());
    return Panache.getSession()
        .chain(
            session ->
                session.createNativeQuery(ensureInquiry).setParameter("id", id).executeUpdate())
        .chain(() -> SlaInquiry.<SlaInquiry>findById(id, LockModeType.PESSIMISTIC_WRITE))
        .chain(inquiry -> work.apply(inquiry));
  }

  private Uni<Void> received(InquiryReceived received) {
    if (received.automatic()) {
      LOG.infof("Inquiry %s is machine-written: no clock", received.inquiryId());
      return Uni.createFrom().voidItem();
    }
    return withInquiry(
        received,
        inquiry -> {
          inquiry.channel = received.channel();
          // The inbox only knows event ids: an inquiry received again under a new event id must
          // keep the clocks it has, and must not hit the unique constraint.
          return SlaClock.findFor(inquiry.inquiryId, ClockKind.FIRST_RESPONSE)
              .chain(
                  existing ->
                      existing == null
                          ? start(inquiry, ClockKind.FIRST_RESPONSE, received.occurredAt(), null)
                              .chain(
                                  () ->
                                      start(
                                          inquiry,
                                          ClockKind.RESOLUTION,
                                          received.occurredAt(),
                                          null))
                          : keep(existing));
        });
  }

  private Uni<Void> customerReplied(CustomerReplied reply) {
    if (reply.automatic()) {
      return Uni.createFrom().voidItem();
    }
    return withInquiry(
        reply,
        inquiry ->
            clocks(inquiry)
                .chain(
                    clocks -> {
                      if (inquiry.channel == null) {
                        inquiry.channel = reply.channel();
                      }
                      if (clocks.isEmpty()) {
                        // Machine-written mail starts no clock; a person writing in its thread
                        // is waiting for an answer from now on.
                        return start(inquiry, ClockKind.FIRST_RESPONSE, reply.occurredAt(), null)
                            .chain(
                                () ->
                                    start(inquiry, ClockKind.RESOLUTION, reply.occurredAt(), null));
                      }
                      Uni<Void> chain = Uni.createFrom().voidItem();
                      SlaClock resolution = find(clocks, ClockKind.RESOLUTION);
                      if (resolution != null && resolution.status == SlaClock.Status.PAUSED) {
                        chain = chain.chain(() -> resume(resolution, inquiry, reply.occurredAt()));
                      }
                      SlaClock first = find(clocks, ClockKind.FIRST_RESPONSE);
                      SlaClock next = find(clocks, ClockKind.NEXT_RESPONSE);
                      // A customer still waiting for the first answer, or for the answer to an
                      // earlier reply, has waited since then: restarting would move the promise.
                      boolean waiting =
                          (first != null && first.status != SlaClock.Status.STOPPED)
                              || (next != null && next.status == SlaClock.Status.RUNNING);
                      if (!waiting) {
                        chain =
                            chain.chain(
                                () ->
                                    start(
                                        inquiry,
                                        ClockKind.NEXT_RESPONSE,
                                        reply.occurredAt(),
                                        next));
                      }
                      return chain;
                    }));
  }

  /**
   * An operator answered, by a channel (ingest's OperatorReplied) or through the operator API
   * (routing's status change marked operatorReplied): the response clocks stop. Both arrive for a
   * channel answer; the second finds them stopped.
   */
  private Uni<Void> answered(SlaInquiry inquiry, Instant at) {
    return clocks(inquiry)
        .chain(
            clocks -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (SlaClock clock : clocks) {
                if (clock.kind != ClockKind.RESOLUTION && clock.status != SlaClock.Status.STOPPED) {
                  chain = chain.chain(() -> stop(clock, inquiry, at));
                }
              }
              return chain;
            });
  }

  private Uni<Void> statusChanged(InquiryStatusChanged change, SlaInquiry inquiry) {
    Uni<Void> answered =
        change.operatorReplied()
            ? answered(inquiry, change.occurredAt())
            : Uni.createFrom().voidItem();
    return answered.chain(() -> statusMoved(change, inquiry));
  }

  private Uni<Void> statusMoved(InquiryStatusChanged change, SlaInquiry inquiry) {
    Instant at = change.occurredAt();
    return clocks(inquiry)
        .chain(
            clocks -> {
              SlaClock resolution = find(clocks, ClockKind.RESOLUTION);
              InquiryStatus current = change.current();
              // Nobody waits on a resolved inquiry: its response clocks stop too, met or
              // missed by their due time, so that no breach fires afterwards.
              if (current == InquiryStatus.RESOLVED || current == InquiryStatus.CLOSED) {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (SlaClock clock : clocks) {
                  if (clock.status != SlaClock.Status.STOPPED) {
                    chain = chain.chain(() -> stop(clock, inquiry, at));
                  }
                }
                return chain;
              }
              if (resolution == null) {
                return Uni.createFrom().voidItem();
              }
              if (current == InquiryStatus.WAITING_ON_CUSTOMER) {
                return resolution.status == SlaClock.Status.RUNNING
                    ? pause(resolution, at)
                    : Uni.createFrom().voidItem();
              }
              boolean reopened =
                  current == InquiryStatus.REOPENED && resolution.status != SlaClock.Status.RUNNING;
              boolean backFromWaiting =
                  change.previous() == InquiryStatus.WAITING_ON_CUSTOMER
                      && resolution.status == SlaClock.Status.PAUSED;
              return reopened || backFromWaiting
                  ? resume(resolution, inquiry, at)
                  : Uni.createFrom().voidItem();
            });
  }

  /** A priority, segment or policy changed: the running clocks follow their new rules. */
  public Uni<Void> retarget(SlaInquiry inquiry) {
    return clocks(inquiry)
        .chain(
            clocks -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (SlaClock clock : clocks) {
                if (clock.status != SlaClock.Status.STOPPED) {
                  chain = chain.chain(() -> retarget(clock, inquiry));
                }
              }
              return chain;
            });
  }

  private Uni<Void> retarget(SlaClock clock, SlaInquiry inquiry) {
    PolicyRule rule = rule(clock.kind, clock.channel, inquiry);
    applyRule(clock, rule);
    if (clock.status != SlaClock.Status.RUNNING) {
      return Uni.createFrom().voidItem();
    }
    Instant due = due(clock);
    if (due.equals(clock.dueAt)) {
      return Uni.createFrom().voidItem();
    }
    LOG.infof(
        "Inquiry %s: %s now due at %s (was %s), rule %s",
        clock.inquiryId, clock.kind, due, clock.dueAt, rule.name());
    clock.dueAt = due;
    return timers.schedule(clock.id, clock.runStartedAt, due, inquiry.priority);
  }

  /**
   * Starts a clock, or restarts {@code existing}. Only response clocks announce themselves: their
   * due time is what the customer is told to expect.
   */
  private Uni<Void> start(SlaInquiry inquiry, ClockKind kind, Instant at, SlaClock existing) {
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
    metrics.clockStarted(kind, clock.channel, priority(inquiry));
    LOG.infof(
        "Inquiry %s (%s): %s due at %s, rule %s",
        clock.inquiryId, clock.channel, kind, clock.dueAt, rule.name());
    Uni<Void> saved =
        existing == null ? clock.persist().replaceWithVoid() : Uni.createFrom().voidItem();
    Uni<Void> scheduled =
        saved.chain(
            () -> timers.schedule(clock.id, clock.runStartedAt, clock.dueAt, inquiry.priority));
    if (kind == ClockKind.RESOLUTION) {
      return scheduled;
    }
    // The due time is told in the zone of the calendar that decided it, and "outside working
    // hours" is that calendar's word too: the customer reads what the deadline was computed from.
    BusinessCalendar calendar = calendar(clock);
    ClockStarted started =
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
            rule.businessTime() && !calendar.isOpen(clock.startedAt));
    return scheduled.chain(() -> outbox.stage(started));
  }

  private Uni<Void> stop(SlaClock clock, SlaInquiry inquiry, Instant at) {
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
    metrics.clockStopped(
        clock.kind, clock.channel, priority(inquiry), met, Duration.ofSeconds(elapsed));
    LOG.infof("Inquiry %s: %s stopped, %s", clock.inquiryId, clock.kind, met ? "met" : "missed");
    ClockStopped stopped =
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
            elapsed);
    return timers.cancel(clock.id).chain(() -> outbox.stage(stopped));
  }

  private Uni<Void> pause(SlaClock clock, Instant at) {
    clock.countedSeconds += Deadline.countedSeconds(calendar(clock), clock.runStartedAt, at);
    clock.wallSeconds += Deadline.wallSeconds(clock.runStartedAt, at);
    clock.status = SlaClock.Status.PAUSED;
    clock.pausedAt = at;
    long remaining = Math.max(0, clock.targetSeconds - clock.countedSeconds);
    LOG.infof("Inquiry %s: %s paused, %ds left", clock.inquiryId, clock.kind, remaining);
    ClockPaused paused =
        new ClockPaused(
            EventIds.next(),
            clock.inquiryId.toString(),
            now(),
            ClockPaused.SCHEMA_VERSION,
            clock.kind,
            at,
            remaining);
    return timers.cancel(clock.id).chain(() -> outbox.stage(paused));
  }

  private Uni<Void> resume(SlaClock clock, SlaInquiry inquiry, Instant at) {
    clock.status = SlaClock.Status.RUNNING;
    clock.runStartedAt = at;
    clock.pausedAt = null;
    clock.stoppedAt = null;
    clock.met = null;
    clock.dueAt = due(clock);
    LOG.infof("Inquiry %s: %s resumed, due at %s", clock.inquiryId, clock.kind, clock.dueAt);
    ClockResumed resumed =
        new ClockResumed(
            EventIds.next(),
            clock.inquiryId.toString(),
            now(),
            ClockResumed.SCHEMA_VERSION,
            clock.kind,
            at,
            clock.dueAt);
    return timers
        .schedule(clock.id, clock.runStartedAt, clock.dueAt, inquiry.priority)
        .chain(() -> outbox.stage(resumed));
  }

  private PolicyRule rule(ClockKind kind, Channel channel, SlaInquiry inquiry) {
    return policy.current().select(kind, channel, inquiry.priority, inquiry.segment);
  }

  private static void applyRule(SlaClock clock, PolicyRule rule) {
    clock.rule = rule.name();
    clock.targetSeconds = rule.target().toSeconds();
    clock.calendar = rule.calendar();
    clock.capSeconds = rule.cap() == null ? null : rule.cap().toSeconds();
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

  private static Uni<List<SlaClock>> clocks(SlaInquiry inquiry) {
    return inquiry == null ? Uni.createFrom().item(List.of()) : SlaClock.allOf(inquiry.inquiryId);
  }

  private static SlaClock find(List<SlaClock> clocks, ClockKind kind) {
    return clocks.stream().filter(c -> c.kind == kind).findFirst().orElse(null);
  }

  /** Until routing decides, the middle of the scale, as for the timers. */
  private static Priority priority(SlaInquiry inquiry) {
    return inquiry.priority == null ? Priority.P3 : inquiry.priority;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private Uni<Void> keep(SlaClock existing) {
    LOG.infof(
        "Inquiry %s already has a %s clock due at %s, kept",
        existing.inquiryId, existing.kind, existing.dueAt);
    return Uni.createFrom().voidItem();
  }
}
