package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.util.HashMap;
import java.util.Map;

/**
 * Statements and CPU of the stack with no load, so that a step's figures per inquiry can be read
 * net of the services' background work (outbox relays, timers, consumer polls), which dominates at
 * low rates.
 */
final class IdleStep {
  private IdleStep() {}

  /** Each service's statements per second with no load, by label; empty if not measured. */
  static Map<String, Double> run(BenchRun run) {
    Map<String, Double> idleStatementsPerSecond = new HashMap<>();
    int seconds = run.options().idleSeconds();
    if (seconds <= 0) {
      return idleStatementsPerSecond;
    }
    Report.progress("idle stack, " + seconds + " s");
    DbStats db = run.db();
    DbStats.Snapshot before = db.snapshot();
    Sampler sampler = run.startSampler(run.stackProcesses());
    // The measurement window itself: the stack is left alone for it, nothing is awaited.
    BenchRun.sleep(seconds * 1000L);
    sampler.stop();
    DbStats.Snapshot delta = db.snapshot().minus(before);
    StringBuilder statements = new StringBuilder();
    delta
        .calls()
        .forEach(
            (label, calls) -> {
              if (!label.equals(IngestAloneStep.LABEL)) {
                double rate = calls / sampler.seconds();
                idleStatementsPerSecond.put(label, rate);
                statements.append(label).append(' ').append(Format.num(rate, 1)).append("  ");
              }
            });
    StringBuilder cpu = new StringBuilder();
    for (Sampler.Usage u : sampler.usage()) {
      cpu.append(u.target.name())
          .append(' ')
          .append(Format.num(u.cores(sampler.seconds()), 2))
          .append("  ");
    }
    Report report = run.report();
    report.line("");
    report.line("Idle stack (no load, " + Format.num(sampler.seconds(), 1) + " s)");
    report.line("DB statements/s", db.available() ? statements.toString().trim() : "n/a");
    report.line("CPU (cores)", cpu.toString().trim());
    report.line("", StepReport.machineBusy(sampler.machineCores()));
    return idleStatementsPerSecond;
  }
}
