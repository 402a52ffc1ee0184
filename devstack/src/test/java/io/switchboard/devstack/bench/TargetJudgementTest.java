package io.switchboard.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.devstack.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetJudgementTest {
  private static final long MIB = 1024L * 1024;

  @TempDir Path dir;

  /** One 60 s end-to-end step; every received inquiry routed and acknowledged unless said. */
  private static StepResult endToEnd(
      int rate, long accepted, long acknowledged, boolean drained, double routedP99, long heap) {
    double seconds = 60;
    Wrk.Load load = new Wrk.Load("http://127.0.0.1:1", rate, 8, 1, Duration.ofSeconds(60));
    Wrk.Result http = http(seconds, accepted);
    PipelineTracker.Outcome outcome =
        new PipelineTracker.Outcome(
            (int) accepted,
            new Percentiles((int) accepted, 5, routedP99, routedP99, routedP99),
            new Percentiles((int) acknowledged, 50, 400, 400, 400),
            0,
            60_000,
            60_000,
            60_000);
    return new StepResult(
        "end to end at " + rate,
        true,
        rate,
        load,
        http,
        outcome,
        accepted,
        new DbStats.Snapshot(Map.of("routing", 2 * accepted), Map.of(), 0, 0),
        sampled(seconds, heap),
        3 * accepted,
        new BacklogDrain(1, drained, drained ? 0 : 5, 0),
        0);
  }

  private static StepResult ingestAlone(long accepted, long heap) {
    Wrk.Load load = new Wrk.Load("http://127.0.0.1:2", 0, 64, 2, Duration.ofSeconds(60));
    return new StepResult(
        "ingest alone",
        false,
        0,
        load,
        http(60, accepted),
        null,
        accepted,
        new DbStats.Snapshot(Map.of(), Map.of(), 0, 0),
        sampled(60, heap),
        accepted,
        null,
        0);
  }

  private static Wrk.Result http(double seconds, long accepted) {
    return new Wrk.Result(
        accepted,
        accepted,
        seconds,
        accepted,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        new Percentiles((int) accepted, 2, 9, 20, 30),
        1,
        "");
  }

  private static Sampler.Figures sampled(double seconds, long heap) {
    Sampler.Usage routing =
        new Sampler.Usage(new Sampler.Target("routing", -1, "http://127.0.0.1:3/q/metrics", false));
    routing.heapPeak = heap;
    Sampler.Usage kafka = new Sampler.Usage(new Sampler.Target("kafka", -1, null, false));
    kafka.heapPeak = 900 * MIB;
    return new Sampler.Figures(List.of(routing, kafka), seconds, 1, 0.1);
  }

  private List<String> judge(
      boolean dbAvailable, int stepSeconds, Yardsticks yardsticks, StepResult... results)
      throws IOException {
    Report report = new Report(dir.resolve("report.txt"));
    new TargetJudgement(report, dbAvailable, stepSeconds).print(List.of(results), yardsticks);
    return Files.readAllLines(report.file());
  }

  private static String line(String label, String text) {
    return String.format("  %-24s %s", label, text);
  }

  @Test
  void throughputIsMetByTheBestStepWhenBothRatesReachTheTargetWithinOnePercent() throws Exception {
    // 59,500 in 60 s is 992/s: 1% below 1,000/s is tolerated for pacing and the step's edges.
    List<String> lines =
        judge(
            true,
            60,
            Yardsticks.NONE,
            endToEnd(100, 6_000, 6_000, true, 40, 100 * MIB),
            endToEnd(1000, 59_500, 59_500, true, 40, 100 * MIB));

    assertThat(lines)
        .contains(
            line(
                "≥ 1,000/s for 60 s",
                "MET: best step (end to end, 1000/s) accepted 992/s, acknowledged 992/s"));
  }

  @Test
  void throughputIsNotMetBelowTheToleranceOrWithInquiriesLeftUnacknowledged() throws Exception {
    assertThat(judge(true, 60, Yardsticks.NONE, endToEnd(1000, 59_000, 59_000, true, 40, MIB)))
        .contains(
            line(
                "≥ 1,000/s for 60 s",
                "NOT MET: best step (end to end, 1000/s) accepted 983/s, acknowledged 983/s"));
    assertThat(judge(true, 60, Yardsticks.NONE, endToEnd(0, 61_000, 60_990, false, 40, MIB)))
        .contains(
            line(
                "≥ 1,000/s for 60 s",
                "NOT MET: best step (end to end, saturation) accepted 1,017/s, acknowledged"
                    + " 1,017/s, not all acknowledged"));
  }

  @Test
  void stepsShorterThanAMinuteAreNotJudgedButSayWhatTheyWouldBe() throws Exception {
    assertThat(judge(true, 10, Yardsticks.NONE, endToEnd(1000, 60_000, 60_000, true, 40, MIB)))
        .contains(
            line(
                "≥ 1,000/s for 60 s",
                "NOT JUDGED (steps < 60 s), would be met: best step (end to end, 1000/s)"
                    + " accepted 1,000/s, acknowledged 1,000/s"));
  }

  @Test
  void latencyAt100PerSecondNeedsEveryInquiryRoutedAndAcknowledgedUnderItsLimit() throws Exception {
    assertThat(judge(true, 60, Yardsticks.NONE, endToEnd(100, 6_000, 6_000, true, 240, MIB)))
        .contains(
            line("100/s: →routed p99 < 250ms", "MET: 240 ms"),
            line("100/s: →acked p99 < 1 s", "MET: 400 ms"));
    assertThat(judge(true, 60, Yardsticks.NONE, endToEnd(100, 6_000, 5_999, true, 250, MIB)))
        .contains(
            line("100/s: →routed p99 < 250ms", "NOT MET: 250 ms"),
            line("100/s: →acked p99 < 1 s", "NOT MET: 400 ms (not all acknowledged)"));
    assertThat(judge(true, 60, Yardsticks.NONE, endToEnd(500, 30_000, 30_000, true, 40, MIB)))
        .contains(line("100/s latencies", "not measured (no 100/s step in --rates)"));
  }

  @Test
  void routingStatementsAreJudgedAtEveryStepAndShownNetOfIdle() throws Exception {
    // 2 statements per inquiry; idle 10/s over 60 s is 600 of the 12,000 at 100/s.
    Yardsticks idle = Yardsticks.NONE.withIdle(Map.of("routing", 10.0));
    assertThat(
            judge(
                true,
                60,
                idle,
                endToEnd(100, 6_000, 6_000, true, 40, MIB),
                endToEnd(0, 60_000, 60_000, true, 40, MIB)))
        .contains(
            line(
                "routing ≤ 3 DB trips",
                "MET: its statements per inquiry at each end-to-end step (≥ round trips unless"
                    + " it batches): 100/s 2.00 (net of idle 1.90); saturation 2.00 (net of idle"
                    + " 1.99)"));
    assertThat(judge(false, 60, idle, endToEnd(100, 6_000, 6_000, true, 40, MIB)))
        .contains(line("routing ≤ 3 DB trips", "not measured"));
  }

  @Test
  void ingestAloneAndHeapAreJudgedOnTheServicesPeaks() throws Exception {
    List<String> lines =
        judge(
            true,
            60,
            Yardsticks.NONE,
            ingestAlone(240_000, 120 * MIB),
            endToEnd(1000, 60_000, 60_000, true, 40, 300 * MIB));

    assertThat(lines)
        .contains(
            line("ingest alone ≥ 5,000/s", "NOT MET: 4,000/s"),
            line("heap ≤ 256 MiB each", "NOT MET: peak used heap routing 300 MiB"));
  }

  @Test
  void nothingMeasuredIsSaidSo() throws Exception {
    assertThat(judge(true, 60, Yardsticks.NONE))
        .containsSubsequence(
            "Targets (met or not on this run; machine noise included)",
            line("≥ 1,000/s for 60 s", "not measured"),
            line("ingest alone ≥ 5,000/s", "not measured"),
            line("100/s latencies", "not measured (no 100/s step in --rates)"),
            line("routing ≤ 3 DB trips", "not measured"),
            line("heap ≤ 256 MiB each", "not measured"));
  }
}
