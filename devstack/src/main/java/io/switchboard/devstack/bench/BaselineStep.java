package io.switchboard.devstack.bench;

import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.util.Map;

/** Kafka's ProducerPerformance and pgbench on the stack's own broker and database, reported. */
final class BaselineStep {
  private BaselineStep() {}

  /** The baselines that ran; a failed one is reported and left out. */
  static Yardsticks run(BenchRun run) {
    Report report = run.report();
    Options options = run.options();
    DbStats db = run.db();
    Baselines.Producer producer = null;
    Baselines.Insert insert = null;
    report.line("");
    report.line("Baselines (same broker, same database, same run)");
    try {
      Report.progress(
          "Kafka ProducerPerformance, " + Format.count(options.producerRecords()) + " records");
      producer = Baselines.producer(run.stack().bootstrap(), options.producerRecords(), run.work());
      report.line(
          "Kafka producer",
          Format.rate(producer.recordsPerSecond())
              + " records; latency avg "
              + Format.ms(producer.avgMs())
              + "  p50 "
              + Format.ms(producer.p50Ms())
              + "  p99 "
              + Format.ms(producer.p99Ms())
              + "  p999 "
              + Format.ms(producer.p999Ms())
              + "  max "
              + Format.ms(producer.maxMs()));
      report.line(
          "",
          "(ProducerPerformance, "
              + Format.count(producer.records())
              + " × "
              + producer.settings()
              + "; closed loop, so latency is mostly queueing in the producer)");
    } catch (RuntimeException e) {
      report.line("Kafka producer", "FAILED: " + e.getMessage());
    }
    if (!db.available()) {
      report.line("pgbench", "skipped: " + db.unavailableReason());
      return new Yardsticks(producer, null, Map.of());
    }
    try {
      Report.progress("pgbench, " + options.pgbenchSeconds() + " s");
      insert =
          Baselines.insert(
              db,
              run.stack().postgresPort(),
              StackUnderTest.DATABASE,
              options.pgbenchClients(),
              options.pgbenchSeconds(),
              run.work());
      report.line(
          "pgbench single insert",
          Format.num(insert.tps(), 0) + " tps; latency " + insert.latencyMs().millis());
      report.line(
          "",
          "("
              + insert.settings()
              + ", synchronous_commit as the stack runs it; "
              + Format.count(insert.latencyMs().count())
              + " transactions logged)");
    } catch (RuntimeException e) {
      report.line("pgbench single insert", "FAILED: " + e.getMessage());
    }
    return new Yardsticks(producer, insert, Map.of());
  }
}
