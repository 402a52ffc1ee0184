package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.lang.management.ManagementFactory;

/** The report's opening lines: commit, machine, stack, plan and how statements are counted. */
final class RunHeader {
  private RunHeader() {}

  static void print(BenchRun run) {
    Report report = run.report();
    Options options = run.options();
    StackUnderTest stack = run.stack();
    DbStats db = run.db();
    report.line("Switchboard benchmark, run " + run.runId());
    report.line("");
    report.line(
        "commit",
        options.commit()
            + "; stack "
            + (options.stack().equals("started")
                ? "started by bench.sh (fresh state, stopped at the end)"
                : "already running, reused"));
    long memory =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    report.line(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + Format.mib(memory)
            + " memory, load average "
            + Report.loadAverage()
            + " at the start (other work on the machine skews every figure: see"
            + " \"others\" under CPU)");
    report.line(
        "stack",
        stack.describeServices()
            + "Kafka "
            + stack.bootstrap()
            + "  PostgreSQL :"
            + stack.postgresPort()
            + "/"
            + StackUnderTest.DATABASE
            + "  mail "
            + stack.mailUrl());
    report.line(
        "plan",
        options.stepSeconds()
            + " s per step; open-loop rates "
            + options.rates()
            + (options.saturation()
                ? "; saturation: closed loop, " + options.saturationConnections() + " connections"
                : "")
            + "; warm-up "
            + options.warmupSeconds()
            + " s; backlog wait up to "
            + options.drainSeconds()
            + " s after each step");
    report.line(
        "DB statements",
        db.available()
            ? "pg_stat_statements calls, attributed " + db.attribution()
            : "n/a: " + db.unavailableReason());
    if (options.stepSeconds() < 60) {
      report.line(
          "note",
          "steps of "
              + options.stepSeconds()
              + " s: the throughput target (sustained 60 s) is not judged on this run");
    }
  }
}
