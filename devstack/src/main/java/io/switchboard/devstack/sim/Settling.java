package io.switchboard.devstack.sim;

import io.switchboard.devstack.report.Report;
import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * After the day, before the system's figures are read: waits (at most two minutes) until the topics
 * show what the simulator did — each answer stopped its first-response clock, each resolution and
 * rating arrived, each acknowledgement the deployment can send went out, each clock that passed its
 * due time unanswered breached — and the reader has caught up with the topics. What never showed is
 * named in the report.
 *
 * @param waited how long the system took to show it all
 * @param unsettled what still did not show at the deadline
 */
record Settling(Duration waited, List<String> unsettled) {
  private static final Duration LIMIT = Duration.ofSeconds(120);

  /** Timers fire within a second of their due time (sla-service polls every 0.2 s). */
  private static final Duration TIMER_GRACE = Duration.ofSeconds(5);

  private static final String NO_ACK = ": no acknowledgement-sent";
  private static final Duration QUIET = Duration.ofSeconds(8);

  static Settling await(
      TopicWatch topics, GroundTruth truth, SystemTrail trail, SimOptions options) {
    Instant started = Instant.now();
    Instant deadline = started.plus(LIMIT);
    List<String> open = open(truth, trail, options, Instant.now());
    long events = trail.events();
    Instant moved = Instant.now();
    // Acknowledgements that may never come (suppressed, no provider) are waited for only while
    // the system is still busy; everything else until it shows or the deadline passes.
    while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
      if (open.stream().allMatch(o -> o.endsWith(NO_ACK))
          && Duration.between(moved, Instant.now()).compareTo(QUIET) >= 0) {
        break;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (trail.events() != events) {
        events = trail.events();
        moved = Instant.now();
      }
      open = open(truth, trail, options, Instant.now());
    }
    // A missing acknowledgement is judged as such (it may never come: suppressed, no provider),
    // not as something the system failed to show.
    open = open.stream().filter(o -> !o.endsWith(NO_ACK)).toList();
    var ends = topics.endOffsets();
    while (!topics.caughtUpTo(ends) && Instant.now().isBefore(deadline.plusSeconds(10))) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (!topics.caughtUpTo(ends)) {
      open = new ArrayList<>(open);
      open.add(
          "the topic reader did not catch up with the topics"
              + (topics.failure() == null ? "" : ": " + topics.failure()));
    }
    Duration waited = Duration.between(started, Instant.now());
    Report.progress("the system showed the day's work after " + waited.toSeconds() + " s");
    return new Settling(waited, List.copyOf(open));
  }

  private static List<String> open(
      GroundTruth truth, SystemTrail trail, SimOptions options, Instant now) {
    List<String> open = new ArrayList<>();
    for (Case c : truth.cases()) {
      if (!c.accepted() || c.automatic()) {
        continue;
      }
      Seen seen = trail.get(c.inquiryId);
      if (seen == null || seen.receivedAt == null) {
        open.add(c.label() + ": not on inquiries.inbound");
        continue;
      }
      synchronized (trail) {
        var first = seen.clocks.get("FIRST_RESPONSE");
        if (c.firstAnswer() != null && (first == null || first.stoppedAt == null)) {
          open.add(c.label() + ": answered, first-response clock not stopped");
        }
        if (c.resolvedAt != null
            && seen.steps.stream().noneMatch(s -> s.what().equals("RESOLVED"))) {
          open.add(c.label() + ": resolved, no RESOLVED status");
        }
        if (c.rated != null && seen.rating == null) {
          open.add(c.label() + ": rated, no csat-received");
        }
        if (c.ackMedium != null
            && options.ackMedia().contains(c.ackMedium)
            && seen.ack == null
            && seen.failures.isEmpty()) {
          open.add(c.label() + NO_ACK);
        }
        if (first != null
            && first.dueAt != null
            && first.stoppedAt == null
            && first.dueAt.plus(TIMER_GRACE).isBefore(now)
            && seen.timers.stream()
                .noneMatch(
                    t -> t.kind().equals("BREACHED") && t.clock().equals("FIRST_RESPONSE"))) {
          open.add(c.label() + ": past due unanswered, no breach");
        }
      }
    }
    return open;
  }
}
