package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.util.ArrayList;
import java.util.List;

/** One step's block of the report: load, throughput, latencies, statements, memory, CPU, ratios. */
final class StepReport {
  private final Report report;
  private final DbStats db;
  private final int drainSeconds;
  private final int stepCount;
  private int stepNumber;

  StepReport(Report report, DbStats db, int drainSeconds, int stepCount) {
    this.report = report;
    this.db = db;
    this.drainSeconds = drainSeconds;
    this.stepCount = stepCount;
  }

  /** "machine busy … of … cores": what every process on the machine took together. */
  static String machineBusy(double machineCores) {
    return "machine busy "
        + Format.num(machineCores, 2)
        + " of "
        + Runtime.getRuntime().availableProcessors()
        + " cores";
  }

  void print(StepResult r, Yardsticks yardsticks) {
    stepNumber++;
    Wrk.Result h = r.http();
    report.line("");
    report.line("Step " + stepNumber + "/" + stepCount + ": " + r.name());
    report.line(
        "load",
        r.load().describe()
            + "; wrk used "
            + Format.num(h.cpuSeconds() / Math.max(0.001, h.seconds()), 2)
            + " cores");
    report.line(
        "throughput",
        "accepted "
            + Format.rate(r.acceptedPerSecond())
            + " ("
            + Format.count(h.accepted())
            + " × 202 in "
            + Format.num(h.seconds(), 1)
            + " s; "
            + Format.count(h.limited())
            + " × 429, "
            + Format.count(h.unavailable())
            + " × 503, "
            + Format.count(h.other())
            + " other, "
            + Format.count(h.socketErrors())
            + " socket errors, "
            + Format.count(h.timeouts())
            + " timeouts, "
            + Format.count(h.unanswered())
            + " unanswered at the end)"
            + (r.rate() > 0
                ? "; "
                    + Format.count(h.late())
                    + " sends >10 ms behind schedule (worst "
                    + Format.ms(h.maxLateMs())
                    + ")"
                : ""));
    if (h.requests() == 0 && h.sent() > 0) {
      report.line(
          "",
          "WARNING: not one of "
              + Format.count(h.sent())
              + " requests was answered: the service may be stuck (see its log)");
    }
    if (r.endToEnd()) {
      printPipeline(r);
    } else {
      report.line(
          "",
          Format.count(r.inquiries())
              + " published to its own inquiries.inbound ("
              + Format.rate(r.publishedPerSecond())
              + " over the load)");
    }
    report.line("HTTP", h.httpMs().millis() + "   (wrk: send to response, every response)");
    if (r.endToEnd()) {
      printLatencies(r.pipeline());
    }
    printStatements(r, yardsticks);
    printMemoryAndCpu(r);
    printRatios(r, yardsticks);
  }

  private void printPipeline(StepResult r) {
    PipelineTracker.Outcome p = r.pipeline();
    report.line(
        "",
        Format.count(p.received())
            + " on inquiries.inbound ("
            + Format.rate(r.publishedPerSecond())
            + " over the load); routed "
            + Format.count(p.routed())
            + " ("
            + Format.rate(r.routedPerSecond())
            + " from the first request to the last routed), acknowledged "
            + Format.count(p.acknowledged())
            + " ("
            + Format.rate(r.acknowledgedPerSecond())
            + " likewise)");
    report.line(
        "",
        r.drain().done()
            ? "backlog drained "
                + Format.num(r.drain().seconds(), 1)
                + " s after the load ended (all routed and acknowledged, consumer lag 0)"
            : "backlog NOT drained "
                + drainSeconds
                + " s after the load: "
                + Format.count(p.received() - p.routed())
                + " unrouted, "
                + Format.count(p.received() - p.acknowledged())
                + " unacknowledged, consumer lag "
                + Format.count(r.drain().lag()));
  }

  private void printLatencies(PipelineTracker.Outcome p) {
    report.line("received→routed", p.toRouted().millis() + "   (" + ofReceived(p.routed(), p));
    report.line(
        "received→acknowledged",
        p.toAcknowledged().millis() + "   (" + ofReceived(p.acknowledged(), p));
  }

  private static String ofReceived(long count, PipelineTracker.Outcome p) {
    return Format.count(count) + " of " + Format.count(p.received()) + ")";
  }

  private void printStatements(StepResult r, Yardsticks yardsticks) {
    if (!db.available()) {
      report.line("DB statements/inquiry", "n/a: " + db.unavailableReason());
      return;
    }
    if (r.inquiries() == 0) {
      report.line("DB statements/inquiry", "n/a (no inquiries)");
      return;
    }
    double perInquiry = 1.0 / r.inquiries();
    double seconds = r.sampled().seconds();
    StringBuilder line = new StringBuilder();
    for (var entry : r.db().calls().entrySet()) {
      String label = entry.getKey();
      // Ingest alone: the stack's services only idle meanwhile.
      if (r.endToEnd() == label.equals(IngestAloneStep.LABEL)) {
        continue;
      }
      long calls = entry.getValue();
      long control = r.db().transactionControl().getOrDefault(label, 0L);
      line.append(label).append(' ').append(Format.num(calls * perInquiry, 2));
      List<String> details = new ArrayList<>();
      if (control > 0 && !label.startsWith("(")) {
        details.add(Format.num(control * perInquiry, 2) + " txn ctl");
      }
      double net = yardsticks.netOfIdle(label, calls, seconds);
      if (!Double.isNaN(net) && r.endToEnd()) {
        details.add(Format.num(net * perInquiry, 2) + " net of idle");
      }
      if (!details.isEmpty()) {
        line.append(" (").append(String.join(", ", details)).append(')');
      }
      line.append("   ");
    }
    report.line("DB statements/inquiry", line.toString().trim());
    report.line(
        "",
        (r.endToEnd() ? "all services: " + Format.num(r.db().total() * perInquiry, 2) + "; " : "")
            + "commits (pg_stat_database, whole database): "
            + Format.num(r.db().commits() * perInquiry, 2)
            + " per inquiry"
            + (r.db().deallocations() > 0
                ? "; WARNING: pg_stat_statements evicted "
                    + r.db().deallocations()
                    + " entries, counts are low"
                : ""));
  }

  private void printMemoryAndCpu(StepResult r) {
    StringBuilder memory = new StringBuilder();
    StringBuilder cpu = new StringBuilder();
    double ours = 0;
    Sampler.Figures sampled = r.sampled();
    double seconds = sampled.seconds();
    for (Sampler.Usage u : sampled.usage()) {
      double cores = u.cores(seconds);
      ours += cores;
      cpu.append(u.target.name()).append(' ').append(Format.num(cores, 2)).append("  ");
      if (u.target.metricsUrl() != null) {
        memory
            .append(u.target.name())
            .append(" heap ")
            .append(Format.mib(u.heapPeak))
            .append(" (after GC ")
            .append(Format.mib(u.afterGcPeak))
            .append(", committed ")
            .append(Format.mib(u.committedPeak))
            .append(") RSS ")
            .append(Format.mib(u.rssPeak))
            .append("; ");
      }
    }
    double wrk = r.http().cpuSeconds() / seconds;
    ours += wrk + sampled.selfCores();
    report.line("memory (peak)", memory.toString().replaceAll("; $", ""));
    report.line(
        "CPU (cores)",
        cpu + "wrk " + Format.num(wrk, 2) + "  bench " + Format.num(sampled.selfCores(), 2));
    report.line(
        "",
        machineBusy(sampled.machineCores())
            + "; others (not this stack or benchmark) "
            + Format.num(Math.max(0, sampled.machineCores() - ours), 2)
            + "; over "
            + Format.num(seconds, 1)
            + " s incl. the backlog wait");
  }

  private void printRatios(StepResult r, Yardsticks yardsticks) {
    double seconds = r.sampled().seconds();
    List<String> ratios = new ArrayList<>();
    Baselines.Producer producer = yardsticks.producer();
    if (producer != null) {
      ratios.add(
          "accepted/s = "
              + Format.percent(r.acceptedPerSecond() / producer.recordsPerSecond())
              + " of producer records/s");
      if (r.endToEnd()) {
        ratios.add(
            "Kafka records/s (all topics, "
                + Format.num(r.kafkaRecords() / (double) Math.max(1, r.inquiries()), 1)
                + "/inquiry) = "
                + Format.percent(r.kafkaRecords() / seconds / producer.recordsPerSecond()));
      }
    }
    Baselines.Insert insert = yardsticks.insert();
    if (insert != null && db.available()) {
      ratios.add(
          "DB statements/s = "
              + Format.percent(r.db().total() / seconds / insert.tps())
              + " of pgbench tps");
      ratios.add(
          "commits/s = " + Format.percent(r.db().commits() / seconds / insert.tps()) + " of it");
    }
    report.line(
        "vs baselines", ratios.isEmpty() ? "n/a (no baselines)" : String.join("; ", ratios));
  }
}
