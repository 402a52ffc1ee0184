package io.switchboard.devstack.bench;

import io.switchboard.devstack.SwitchboardService;
import io.switchboard.devstack.report.Format;
import io.switchboard.devstack.report.Report;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The whole pipeline under wrk's load: the inquiries' way from the form to routing and the
 * acknowledgement mail, then the wait for the step's backlog.
 */
final class EndToEndStep {
  private final BenchRun run;

  EndToEndStep(BenchRun run) {
    this.run = run;
  }

  /** JIT and connection pools warm before the first measured step; not reported in figures. */
  void warmUp() {
    Options options = run.options();
    if (options.warmupSeconds() <= 0) {
      return;
    }
    int rate = options.rates().isEmpty() ? 100 : options.rates().getFirst();
    Report.progress("end-to-end warm-up, " + options.warmupSeconds() + " s at " + rate + "/s");
    String prefix = run.keyPrefix("warmup");
    try (PipelineTracker tracker = tracker(prefix, startOffsets())) {
      int connections = options.connectionsFor(rate);
      Wrk.Result http =
          Wrk.run(
              load(rate, connections, options.warmupSeconds()),
              prefix,
              StackUnderTest.API_KEY,
              run.work());
      BacklogDrain drain = drain(tracker, System.currentTimeMillis());
      Report report = run.report();
      report.line("");
      report.line(
          "Warm-up (not measured): "
              + Format.count(http.accepted())
              + " inquiries accepted at "
              + rate
              + "/s over "
              + options.warmupSeconds()
              + " s; backlog "
              + (drain.done()
                  ? "drained " + Format.num(drain.seconds(), 1) + " s after the load"
                  : "NOT drained within " + options.drainSeconds() + " s"));
    }
  }

  /**
   * @param rate requests per second; 0 for saturation (a closed loop)
   */
  StepResult measure(String name, int rate, int connections) {
    String prefix = run.keyPrefix(rate == 0 ? "saturation" : "r" + rate);
    Wrk.Load load = load(rate, connections, run.options().stepSeconds());
    Map<TopicPartition, Long> start = startOffsets();
    long recordsBefore = run.broker().totalRecords();
    DbStats db = run.db();
    DbStats.Snapshot db0 = db.snapshot();
    Report.progress(name + ": " + load.describe());
    try (PipelineTracker tracker = tracker(prefix, start)) {
      Sampler sampler = run.startSampler(run.stackProcesses());
      long stepStart = System.currentTimeMillis();
      Wrk.Result http = Wrk.run(load, prefix, StackUnderTest.API_KEY, run.work());
      Report.progress("load done, waiting for the backlog");
      BacklogDrain drain = drain(tracker, System.currentTimeMillis());
      sampler.stop();
      DbStats.Snapshot dbDelta = db.snapshot().minus(db0);
      long kafkaRecords = run.broker().totalRecords() - recordsBefore;
      PipelineTracker.Outcome outcome = tracker.outcome();
      if (tracker.failure() != null) {
        run.report().line("  tracker failed: " + tracker.failure());
      }
      return new StepResult(
          name,
          true,
          rate,
          load,
          http,
          outcome,
          outcome.received(),
          dbDelta,
          sampler.figures(),
          kafkaRecords,
          drain,
          stepStart);
    }
  }

  private Map<TopicPartition, Long> startOffsets() {
    return run.broker().endOffsets(List.of(BrokerOffsets.INBOUND, BrokerOffsets.LIFECYCLE));
  }

  private PipelineTracker tracker(String prefix, Map<TopicPartition, Long> start) {
    StackUnderTest stack = run.stack();
    return new PipelineTracker(stack.bootstrap(), "", prefix, stack.mailUrl(), start);
  }

  private Wrk.Load load(int rate, int connections, int seconds) {
    return new Wrk.Load(
        run.stack().serviceUrl(SwitchboardService.INGEST),
        rate,
        connections,
        Options.threadsFor(rate, connections),
        Duration.ofSeconds(seconds));
  }

  /**
   * Waits, up to {@code --drain-seconds}, until every inquiry of the step is routed and
   * acknowledged and the services' consumer groups have committed up to the end of their topics, so
   * that the next step does not inherit this one's backlog.
   */
  private BacklogDrain drain(PipelineTracker tracker, long loadEnd) {
    BrokerOffsets broker = run.broker();
    long deadline = loadEnd + run.options().drainSeconds() * 1000L;
    while (true) {
      boolean caughtUp = tracker.caughtUpTo(broker.endOffsets(List.of(BrokerOffsets.INBOUND)));
      long pending = tracker.pending(true);
      long lag = caughtUp && pending == 0 ? broker.groupLag() : -1;
      double seconds = (System.currentTimeMillis() - loadEnd) / 1000.0;
      if (caughtUp && pending == 0 && lag == 0) {
        return new BacklogDrain(seconds, true, 0, 0);
      }
      if (System.currentTimeMillis() > deadline) {
        return new BacklogDrain(seconds, false, pending, lag < 0 ? broker.groupLag() : lag);
      }
      BenchRun.sleep(500);
    }
  }
}
