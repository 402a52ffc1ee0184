package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What the steps of one benchmark run share: its options, report, stack, database and broker. */
final class BenchRun {
  private final Options options;
  private final String runId;
  private final Path work;
  private final Report report;
  private final StackUnderTest stack;
  private final List<Sampler.Target> stackProcesses;
  private final DbStats db;
  private final BrokerOffsets broker;
  private Sampler activeSampler;

  BenchRun(
      Options options,
      String runId,
      Report report,
      StackUnderTest stack,
      DbStats db,
      BrokerOffsets broker) {
    this.options = options;
    this.runId = runId;
    this.work = options.out().resolve(runId);
    this.report = report;
    this.stack = stack;
    this.stackProcesses = stack.processes();
    this.db = db;
    this.broker = broker;
  }

  Options options() {
    return options;
  }

  String runId() {
    return runId;
  }

  /** Where the run's wrk scripts, tool output and logs go. */
  Path work() {
    return work;
  }

  Report report() {
    return report;
  }

  StackUnderTest stack() {
    return stack;
  }

  List<Sampler.Target> stackProcesses() {
    return stackProcesses;
  }

  DbStats db() {
    return db;
  }

  BrokerOffsets broker() {
    return broker;
  }

  Sampler startSampler(List<Sampler.Target> targets) {
    activeSampler =
        new Sampler(
            targets,
            Duration.ofMillis(options.sampleMillis()),
            Duration.ofSeconds(options.metricsSeconds()));
    return activeSampler;
  }

  /** A failed step must not leave its sampler scraping the services during the next one. */
  void closeSampler() {
    Sampler sampler = activeSampler;
    if (sampler != null) {
      sampler.close();
    }
  }

  /** Idempotency keys and customer addresses of a step start with this; lower case. */
  String keyPrefix(String step) {
    return ("bench-" + runId + "-" + step).toLowerCase(Locale.ROOT);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
