package io.switchboard.sla.clock;

import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.CustomerReplied;
import io.switchboard.contracts.InquiryAssigned;
import io.switchboard.contracts.InquiryEvent;
import io.switchboard.contracts.InquiryPrioritized;
import io.switchboard.contracts.InquiryReceived;
import io.switchboard.contracts.InquiryStatus;
import io.switchboard.contracts.InquiryStatusChanged;
import io.switchboard.contracts.OperatorReplied;
import io.switchboard.sla.timer.TimerPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves the clocks of a batch's inquiries along their lifecycle, in memory: first response from
 * receipt to the first operator reply, next response from a customer reply to the operator's
 * answer, resolution from receipt to RESOLVED with pauses while waiting on the customer. Pure, no
 * I/O: the caller loads the inquiries (locked) and their clocks, applies the events in partition
 * order, and writes what changed in a few set-based statements.
 */
public final class ClockBatch {
  private static final Logger LOG = Logger.getLogger(ClockBatch.class);
  private static final Comparator<SlaClock> BY_KIND = Comparator.comparing(c -> c.kind.name());

  private final ClockMoves moves;
  private final Map<UUID, SlaInquiry> inquiries = new HashMap<>();
  private final Map<UUID, List<SlaClock>> clocks = new HashMap<>();
  private final Set<SlaInquiry> changedInquiries = new LinkedHashSet<>();

  /**
   * @param inquiries the inquiries the events concern, their rows locked
   * @param clocks every clock of those inquiries
   */
  public ClockBatch(
      ClockMoves moves, Collection<SlaInquiry> inquiries, Collection<SlaClock> clocks) {
    this.moves = moves;
    inquiries.forEach(inquiry -> this.inquiries.put(inquiry.inquiryId, inquiry));
    for (SlaClock clock : clocks) {
      this.clocks.computeIfAbsent(clock.inquiryId, id -> new ArrayList<>()).add(clock);
    }
    this.clocks.values().forEach(list -> list.sort(BY_KIND));
  }

  /**
   * Whether the event moves clocks or tells something about its inquiry: only those need the
   * inquiry's row. Machine-written mail starts nothing.
   */
  public static boolean concerns(InquiryEvent event) {
    return switch (event) {
      case InquiryReceived received -> !received.automatic();
      case CustomerReplied reply -> !reply.automatic();
      case OperatorReplied reply -> true;
      case InquiryStatusChanged change -> true;
      case InquiryPrioritized prioritized -> true;
      case InquiryAssigned assigned -> true;
      default -> false;
    };
  }

  /** Applies one event; the caller's inbox keeps it to once per event. */
  public void apply(InquiryEvent event) {
    if (!concerns(event)) {
      if (event instanceof InquiryReceived) {
        LOG.infof("Inquiry %s is machine-written: no clock", event.inquiryId());
      }
      return;
    }
    SlaInquiry inquiry = inquiry(UUID.fromString(event.inquiryId()));
    switch (event) {
      case InquiryReceived received -> received(received, inquiry);
      case CustomerReplied reply -> customerReplied(reply, inquiry);
      case OperatorReplied reply -> answered(inquiry, reply.occurredAt());
      case InquiryStatusChanged change -> {
        if (change.operatorReplied()) {
          answered(inquiry, change.occurredAt());
        }
        statusMoved(change, inquiry);
      }
      case InquiryPrioritized prioritized -> {
        inquiry.priority = prioritized.priority();
        inquiry.segment = prioritized.segment();
        inquiry.teamId = prioritized.teamId();
        changedInquiries.add(inquiry);
        retarget(inquiry);
      }
      case InquiryAssigned assigned -> {
        inquiry.assigneeId = assigned.operatorId();
        inquiry.teamId = assigned.teamId();
        changedInquiries.add(inquiry);
        if (assigned.priority() != null && assigned.priority() != inquiry.priority) {
          inquiry.priority = assigned.priority();
          retarget(inquiry);
        }
      }
      default -> throw new IllegalStateException("unhandled " + event.getClass().getSimpleName());
    }
  }

  /** A priority, segment or policy changed: the open clocks follow their new rules. */
  public void retarget(UUID inquiryId) {
    retarget(inquiry(inquiryId));
  }

  /** Inquiries whose criteria changed, in the order they first changed. */
  public Collection<SlaInquiry> changedInquiries() {
    return changedInquiries;
  }

  /** Clocks started or changed, each once, in the order they first changed. */
  public Collection<SlaClock> changedClocks() {
    return moves.changedClocks();
  }

  /**
   * By clock: the pending timers that replace the clock's pending ones (none for a clock that
   * stopped or paused).
   */
  public Map<UUID, List<TimerPlan.Timer>> timers() {
    return moves.timers();
  }

  /** The events to publish, in the order they happened. */
  public List<InquiryEvent> events() {
    return moves.events();
  }

  private void received(InquiryReceived received, SlaInquiry inquiry) {
    inquiry.channel = received.channel();
    changedInquiries.add(inquiry);
    // The inbox only knows event ids: an inquiry received again under a new event id keeps the
    // clocks it has (and must not hit the unique constraint).
    SlaClock existing = find(inquiry, ClockKind.FIRST_RESPONSE);
    if (existing != null) {
      LOG.infof(
          "Inquiry %s already has a %s clock due at %s, kept",
          existing.inquiryId, existing.kind, existing.dueAt);
      return;
    }
    startFirstClocks(inquiry, received.occurredAt());
  }

  private void customerReplied(CustomerReplied reply, SlaInquiry inquiry) {
    if (inquiry.channel == null) {
      inquiry.channel = reply.channel();
      changedInquiries.add(inquiry);
    }
    Instant at = reply.occurredAt();
    if (clocksOf(inquiry).isEmpty()) {
      // Machine-written mail starts no clock; a person writing in its thread is waiting for an
      // answer from now on.
      startFirstClocks(inquiry, at);
      return;
    }
    SlaClock resolution = find(inquiry, ClockKind.RESOLUTION);
    if (resolution != null && resolution.status == SlaClock.Status.PAUSED) {
      moves.resume(resolution, inquiry, at);
    }
    SlaClock first = find(inquiry, ClockKind.FIRST_RESPONSE);
    SlaClock next = find(inquiry, ClockKind.NEXT_RESPONSE);
    // A customer still waiting for the first answer, or for the answer to an earlier reply, has
    // waited since then: restarting would move the promise.
    boolean waiting =
        (first != null && first.status != SlaClock.Status.STOPPED)
            || (next != null && next.status == SlaClock.Status.RUNNING);
    if (!waiting) {
      SlaClock started = moves.start(inquiry, ClockKind.NEXT_RESPONSE, at, next);
      if (next == null) {
        add(started);
      }
    }
  }

  /**
   * An operator answered, by a channel (ingest's OperatorReplied) or through the operator API
   * (routing's status change marked operatorReplied): the response clocks stop. Both arrive for a
   * channel answer; the second finds them stopped.
   */
  private void answered(SlaInquiry inquiry, Instant at) {
    for (SlaClock clock : clocksOf(inquiry)) {
      if (clock.kind != ClockKind.RESOLUTION && clock.status != SlaClock.Status.STOPPED) {
        moves.stop(clock, inquiry, at);
      }
    }
  }

  private void statusMoved(InquiryStatusChanged change, SlaInquiry inquiry) {
    Instant at = change.occurredAt();
    InquiryStatus current = change.current();
    // Nobody waits on a resolved inquiry: its response clocks stop too, met or missed by their
    // due time, so that no breach fires afterwards.
    if (current == InquiryStatus.RESOLVED || current == InquiryStatus.CLOSED) {
      for (SlaClock clock : clocksOf(inquiry)) {
        if (clock.status != SlaClock.Status.STOPPED) {
          moves.stop(clock, inquiry, at);
        }
      }
      return;
    }
    SlaClock resolution = find(inquiry, ClockKind.RESOLUTION);
    if (resolution == null) {
      return;
    }
    if (current == InquiryStatus.WAITING_ON_CUSTOMER) {
      if (resolution.status == SlaClock.Status.RUNNING) {
        moves.pause(resolution, at);
      }
      return;
    }
    boolean reopened =
        current == InquiryStatus.REOPENED && resolution.status != SlaClock.Status.RUNNING;
    boolean backFromWaiting =
        change.previous() == InquiryStatus.WAITING_ON_CUSTOMER
            && resolution.status == SlaClock.Status.PAUSED;
    if (reopened || backFromWaiting) {
      moves.resume(resolution, inquiry, at);
    }
  }

  private void retarget(SlaInquiry inquiry) {
    for (SlaClock clock : clocksOf(inquiry)) {
      if (clock.status != SlaClock.Status.STOPPED) {
        moves.retarget(clock, inquiry);
      }
    }
  }

  private void startFirstClocks(SlaInquiry inquiry, Instant at) {
    add(moves.start(inquiry, ClockKind.FIRST_RESPONSE, at, null));
    add(moves.start(inquiry, ClockKind.RESOLUTION, at, null));
  }

  private SlaInquiry inquiry(UUID id) {
    SlaInquiry inquiry = inquiries.get(id);
    if (inquiry == null) {
      throw new IllegalStateException("inquiry " + id + " was not loaded for this batch");
    }
    return inquiry;
  }

  private List<SlaClock> clocksOf(SlaInquiry inquiry) {
    return clocks.getOrDefault(inquiry.inquiryId, List.of());
  }

  private void add(SlaClock clock) {
    List<SlaClock> list = clocks.computeIfAbsent(clock.inquiryId, id -> new ArrayList<>());
    list.add(clock);
    list.sort(BY_KIND);
  }

  private SlaClock find(SlaInquiry inquiry, ClockKind kind) {
    return clocksOf(inquiry).stream().filter(c -> c.kind == kind).findFirst().orElse(null);
  }
}
