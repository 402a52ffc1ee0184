package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Report;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The driver of {@code ./bench.sh}: baselines (Kafka's ProducerPerformance, pgbench), ingest alone,
 * then the whole pipeline at open-loop rates and at saturation, against the local stack on its
 * fixed ports. Prints the report as it goes and writes it to {@code target/bench/<run>.txt}. The
 * README's "Benchmark" section says what every figure measures.
 */
public final class Bench {
  private final Options options;
  private final String runId =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  private final Report report;
  private final StackUnderTest stack = new StackUnderTest();
  private final IngestAloneStep ingestAlone = new IngestAloneStep();
  private final List<StepResult> results = new ArrayList<>();
  private Yardsticks yardsticks = Yardsticks.NONE;

  private Bench(Options options) {
    this.options = options;
    this.report = new Report(options.out().resolve(runId + ".txt"));
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Bench bench = new Bench(options);
    Runtime.getRuntime().addShutdownHook(new Thread(bench.ingestAlone::stop));
    try {
      bench.run();
    } catch (Exception e) {
      System.err.println("\nThe benchmark stopped: " + e);
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(options.out().resolve(runId));
    BrokerOffsets broker = new BrokerOffsets(stack.bootstrap());
    DbStats db = new DbStats(stack.jdbcUrl(), "postgres", stack.roles());
    BenchRun run = new BenchRun(options, runId, report, stack, db, broker);
    broker.ensureTopics();
    int stepCount =
        (options.ingestAlone() ? 1 : 0) + options.rates().size() + (options.saturation() ? 1 : 0);
    StepReport stepReport = new StepReport(report, db, options.drainSeconds(), stepCount);
    RunHeader.print(run);

    if (options.baselines()) {
      yardsticks = BaselineStep.run(run);
    }
    if (options.ingestAlone()) {
      guarded(run, "ingest alone", measured(stepReport, () -> ingestAlone.run(run)));
    }
    EndToEndStep endToEnd = new EndToEndStep(run);
    if (!options.rates().isEmpty() || options.saturation()) {
      guarded(run, "end-to-end warm-up", endToEnd::warmUp);
      guarded(run, "idle measurement", () -> yardsticks = yardsticks.withIdle(IdleStep.run(run)));
    }
    for (int rate : options.rates()) {
      guarded(
          run,
          "end to end at " + rate + "/s",
          measured(
              stepReport,
              () ->
                  endToEnd.measure(
                      "end to end, open loop at " + rate + "/s",
                      rate,
                      options.connectionsFor(rate))));
    }
    if (options.saturation()) {
      guarded(
          run,
          "end to end at saturation",
          measured(
              stepReport,
              () ->
                  endToEnd.measure(
                      "end to end at saturation (closed loop)",
                      0,
                      options.saturationConnections())));
    }
    RunSummary.print(report, results);
    new TargetJudgement(report, db.available(), options.stepSeconds()).print(results, yardsticks);
    report.line("");
    report.line("Report: " + report.file().toAbsolutePath());
    broker.close();
    db.close();
  }

  /** A measured step: its figures are kept for the summary and printed as its block. */
  private Runnable measured(StepReport stepReport, Supplier<StepResult> step) {
    return () -> {
      StepResult result = step.get();
      results.add(result);
      stepReport.print(result, yardsticks);
    };
  }

  private void guarded(BenchRun run, String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      report.line("  " + what + " FAILED: " + e.getMessage());
      e.printStackTrace();
    } finally {
      run.closeSampler();
    }
  }
}
