package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project's performance targets, judged met or not on this run's steps. */
final class TargetJudgement {
  private static final double TARGET_RATE = 1000;
  private static final double INGEST_ALONE_TARGET = 5000;
  private static final long HEAP_TARGET = 256L * 1024 * 1024;
  private static final double TOLERANCE = 0.01;

  private final Report report;
  private final boolean dbAvailable;
  private final int stepSeconds;

  /**
   * @param dbAvailable pg_stat_statements could be read: routing's statements are judged only then
   * @param stepSeconds the throughput target is sustained 60 s: shorter steps are not judged
   */
  TargetJudgement(Report report, boolean dbAvailable, int stepSeconds) {
    this.report = report;
    this.dbAvailable = dbAvailable;
    this.stepSeconds = stepSeconds;
  }

  void print(List<StepResult> results, Yardsticks yardsticks) {
    report.line("");
    report.line("Targets (met or not on this run; machine noise included)");
    report.line(
        "  throughput: 202s and acknowledgements per second, both ≥ 1,000/s within 1% (pacing and"
            + " the step's edges), all acknowledged; judged on steps of 60 s or more");
    List<StepResult> endToEnd = results.stream().filter(StepResult::endToEnd).toList();
    report.line("≥ 1,000/s for 60 s", throughput(endToEnd));
    ingestAlone(results);
    latencyAt100(endToEnd);
    routingStatements(endToEnd, yardsticks);
    heap(results);
  }

  /** Accepted and acknowledged at 1,000/s or more, for 60 s. */
  private String throughput(List<StepResult> endToEnd) {
    StepResult best =
        endToEnd.stream()
            .max(
                (a, b) ->
                    Double.compare(
                        Math.min(a.acceptedPerSecond(), nanToZero(a.acknowledgedPerSecond())),
                        Math.min(b.acceptedPerSecond(), nanToZero(b.acknowledgedPerSecond()))))
            .orElse(null);
    if (best == null) {
      return "not measured";
    }
    double accepted = best.acceptedPerSecond();
    double acknowledged = nanToZero(best.acknowledgedPerSecond());
    boolean allAcknowledged =
        best.pipeline().acknowledged() == best.pipeline().received() && best.drain().done();
    boolean met =
        accepted >= TARGET_RATE * (1 - TOLERANCE)
            && acknowledged >= TARGET_RATE * (1 - TOLERANCE)
            && allAcknowledged;
    return verdict(met, stepSeconds >= 60)
        + ": best step ("
        + best.shortName()
        + ") accepted "
        + Format.rate(accepted)
        + ", acknowledged "
        + Format.rate(acknowledged)
        + (allAcknowledged ? "" : ", not all acknowledged");
  }

  private void ingestAlone(List<StepResult> results) {
    results.stream()
        .filter(r -> !r.endToEnd())
        .findFirst()
        .ifPresentOrElse(
            r ->
                report.line(
                    "ingest alone ≥ 5,000/s",
                    verdict(r.acceptedPerSecond() >= INGEST_ALONE_TARGET, true)
                        + ": "
                        + Format.rate(r.acceptedPerSecond())),
            () -> report.line("ingest alone ≥ 5,000/s", "not measured"));
  }

  private void latencyAt100(List<StepResult> endToEnd) {
    endToEnd.stream()
        .filter(r -> r.rate() == 100)
        .findFirst()
        .ifPresentOrElse(
            r -> {
              PipelineTracker.Outcome p = r.pipeline();
              report.line(
                  "100/s: →routed p99 < 250ms",
                  p99Below(250, p.toRouted(), p.received(), " (not all routed)"));
              report.line(
                  "100/s: →acked p99 < 1 s",
                  p99Below(1000, p.toAcknowledged(), p.received(), " (not all acknowledged)"));
            },
            () -> report.line("100/s latencies", "not measured (no 100/s step in --rates)"));
  }

  /** Met only if every inquiry received got this far, and the p99 of those is under the limit. */
  private static String p99Below(
      double limitMs, Percentiles latency, int received, String notAllReached) {
    boolean all = latency.count() == received;
    return verdict(all && latency.p99() < limitMs, true)
        + ": "
        + Format.ms(latency.p99())
        + (all ? "" : notAllReached);
  }

  private void routingStatements(List<StepResult> endToEnd, Yardsticks yardsticks) {
    if (!dbAvailable || endToEnd.isEmpty()) {
      report.line("routing ≤ 3 DB trips", "not measured");
      return;
    }
    StringBuilder each = new StringBuilder();
    boolean all = true;
    for (StepResult r : endToEnd) {
      double perInquiry = r.statementsPerInquiry("routing");
      all &= perInquiry <= 3;
      each.append(r.shortName().replace("end to end, ", ""))
          .append(' ')
          .append(Format.num(perInquiry, 2));
      long calls = r.db().calls().getOrDefault("routing", 0L);
      double net = yardsticks.netOfIdle("routing", calls, r.sampled().seconds());
      if (!Double.isNaN(net) && r.inquiries() > 0) {
        each.append(" (net of idle ").append(Format.num(net / r.inquiries(), 2)).append(')');
      }
      each.append("; ");
    }
    report.line(
        "routing ≤ 3 DB trips",
        verdict(all, true)
            + ": its statements per inquiry at each end-to-end step (≥ round trips unless it"
            + " batches): "
            + each.toString().replaceAll("; $", ""));
  }

  private void heap(List<StepResult> results) {
    Map<String, Long> heap = new LinkedHashMap<>();
    for (StepResult r : results) {
      for (Sampler.Usage u : r.sampled().usage()) {
        if (u.target.metricsUrl() != null) {
          heap.merge(u.target.name(), u.heapPeak, Math::max);
        }
      }
    }
    long worst = heap.values().stream().mapToLong(Long::longValue).max().orElse(0);
    StringBuilder heaps = new StringBuilder();
    heap.forEach(
        (name, bytes) -> heaps.append(name).append(' ').append(Format.mib(bytes)).append("; "));
    report.line(
        "heap ≤ 256 MiB each",
        heap.isEmpty()
            ? "not measured"
            : verdict(worst <= HEAP_TARGET, true)
                + ": peak used heap "
                + heaps.toString().replaceAll("; $", ""));
  }

  static String verdict(boolean met, boolean judged) {
    if (!judged) {
      return "NOT JUDGED (steps < 60 s), would be " + (met ? "met" : "not met");
    }
    return met ? "MET" : "NOT MET";
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
