package io.switchboard.devstack.sim;

import io.switchboard.devstack.report.Report;
import io.switchboard.devstack.sim.GroundTruth.Case;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits out the day: the arrivals, then the work they caused (operators finishing, customers
 * rating) until nothing is left to do and the system has been quiet for a while, printing where the
 * day stands every 15 seconds.
 */
final class DayProgress {
  /** The system hands out queued work every 5 s and checks forwarding every 10 s by default. */
  private static final Duration QUIET = Duration.ofSeconds(12);

  private final SimClock clock;
  private final DayScheduler scheduler;
  private final GroundTruth truth;
  private final SystemTrail trail;
  private Instant lastPrint = Instant.EPOCH;

  DayProgress(SimClock clock, DayScheduler scheduler, GroundTruth truth, SystemTrail trail) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.truth = truth;
    this.trail = trail;
  }

  void awaitArrivals(Instant end) {
    while (Instant.now().isBefore(end)) {
      print();
      pause();
    }
  }

  /** Until no simulator action is pending and the trail stood still for a while. */
  void awaitWork(Instant deadline) {
    long lastSize = -1;
    Instant stillSince = Instant.now();
    while (Instant.now().isBefore(deadline)) {
      print();
      long size = trail.events();
      if (scheduler.pending() > 0 || size != lastSize) {
        stillSince = Instant.now();
        lastSize = size;
      } else if (Duration.between(stillSince, Instant.now()).compareTo(QUIET) >= 0) {
        return;
      }
      pause();
    }
    Report.progress("the drain deadline passed with " + scheduler.pending() + " action(s) pending");
  }

  private void print() {
    if (Duration.between(lastPrint, Instant.now()).toSeconds() < 15) {
      return;
    }
    lastPrint = Instant.now();
    int sent = 0;
    int answered = 0;
    int resolved = 0;
    int acknowledged = 0;
    for (Case c : truth.cases()) {
      sent++;
      answered += c.firstAnswer() != null ? 1 : 0;
      resolved += c.resolvedAt != null ? 1 : 0;
      var seen = c.inquiryId == null ? null : trail.get(c.inquiryId);
      acknowledged += seen != null && seen.ack != null ? 1 : 0;
    }
    Report.progress(
        String.format(
            "simulated %s: sent %d, answered %d, resolved %d, acknowledged %d, actions pending %d",
            SimClock.show(clock.simAt(Instant.now())),
            sent,
            answered,
            resolved,
            acknowledged,
            scheduler.pending()));
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
