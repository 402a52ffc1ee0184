package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devstack.report.Report;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * {@code ./simulate.sh}: a support day driven through the system's public interfaces only, then the
 * simulator's ground truth beside the system's own figures, every mismatch named, and the verdict.
 * Exits 0 when nothing was found, 1 when something was, 2 when the day could not run.
 */
public final class SupportDay {
  private final SimOptions options;
  private final String run =
      LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  private final Report report;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private SupportDay(SimOptions options) {
    this.options = options;
    this.report = new Report(options.out().resolve("sim-" + run + ".txt"));
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The titles of the report's sections, in order: every report has them. */
  public static String[] reportSections() {
    return SimReport.SECTIONS.toArray(String[]::new);
  }

  /** Runs a day with {@code ./simulate.sh} arguments; the exit status (tests call this). */
  public static int run(String[] args) {
    SimOptions options;
    try {
      options = SimOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    try {
      return new SupportDay(options).day();
    } catch (RuntimeException e) {
      System.err.println("\nThe simulated day could not run: " + e.getMessage());
      e.printStackTrace();
      return 2;
    }
  }

  private int day() {
    TokenMint tokens = new TokenMint(options);
    StaffApi api = new StaffApi(http, options, tokens);
    Readiness.require(http, options);
    Staffing.enrol(api, options);
    JsonNode directory = Staffing.directory(api);
    Roster roster = new Roster(directory);
    PolicyGuard policy = new PolicyGuard(api, options);
    Thread restoreOnExit = new Thread(policy::restore, "sim-policy-restore");
    Runtime.getRuntime().addShutdownHook(restoreOnExit);
    try {
      policy.scale();
      return measuredDay(api, tokens, roster, policy);
    } finally {
      policy.restore();
      try {
        Runtime.getRuntime().removeShutdownHook(restoreOnExit);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
    }
  }

  /**
   * A warning when operators already hold inquiries: the day's judgement cannot tell their load,
   * breaches and escalations from its own (routing's load gauge has no channel), so room and
   * counter figures of such a run are not to be trusted; null on a quiet deployment.
   */
  static String notQuiet(Map<String, Integer> held) {
    if (held.isEmpty()) {
      return null;
    }
    StringBuilder holders = new StringBuilder();
    held.forEach(
        (operator, load) ->
            holders
                .append(holders.isEmpty() ? "" : ", ")
                .append(operator)
                .append(' ')
                .append(load));
    return "NOT QUIET: operators hold inquiries from before the run ("
        + holders
        + "; switchboard_routing_operator_load). The room model does not know them, and their"
        + " breaches and escalations count in the metrics: findings about room and those"
        + " mismatches may be theirs. For a clean day stop ./run.sh and run ./simulate.sh alone"
        + " (it starts a fresh stack), or start ./run.sh on an empty .switchboard/.";
  }

  private int measuredDay(StaffApi api, TokenMint tokens, Roster roster, PolicyGuard policy) {
    SimClock clock = new SimClock(options.startDay(), options.startTime(), options.speed());
    GroundTruth truth = new GroundTruth();
    SystemTrail trail = new SystemTrail();
    MetricsSnapshot before = MetricsSnapshot.take(api, options);
    try (DayScheduler scheduler = new DayScheduler(clock)) {
      IngestDoor door = new IngestDoor(http, options);
      DayContext day =
          new DayContext(options, run, clock, scheduler, door, api, truth, trail, roster);
      CustomerSide customers = new CustomerSide(day);
      OperatorDesk desk = new OperatorDesk(day, customers, tokens);
      truth.onAccepted(desk::known);
      List<PlannedArrival> plan =
          ArrivalPlan.draw(
              clock.simStart(), options.hours(), options.peakPerHour(), options.seed(), run);
      DayHeader.print(report, options, run, clock, plan, roster, desk, policy);
      String notQuiet = notQuiet(before.heldByOperator());
      if (notQuiet != null) {
        report.line(notQuiet);
      }
      Settling settled;
      Instant end;
      SystemFigures system;
      int mailRead;
      int dropped;
      try (TopicWatch topics =
              new TopicWatch(
                  options.bootstrap(),
                  options.topicPrefix(),
                  event -> {
                    trail.record(event);
                    desk.seen(event);
                  });
          MailWatch mail = options.readsMail() ? new MailWatch(http, day, customers) : null) {
        clock.start(Instant.now().plusSeconds(1));
        LocalDateTime simEnd = clock.simStart().plusSeconds((long) (options.hours() * 3600));
        desk.planShifts(simEnd);
        for (PlannedArrival arrival : plan) {
          scheduler.at(arrival.at(), () -> customers.arrive(arrival));
        }
        DayProgress progress = new DayProgress(clock, scheduler, truth, trail);
        progress.awaitArrivals(clock.realAt(simEnd));
        progress.awaitWork(
            Instant.now().plus(Duration.ofMillis((long) (options.drainMinutes() * 60_000))));
        desk.endDay();
        dropped = scheduler.stop();
        settled = Settling.await(topics, truth, trail, options);
        end = Instant.now();
        MetricsSnapshot after = MetricsSnapshot.take(api, options);
        system =
            SystemFigures.read(api, options, clock.realStart(), end.plusSeconds(1), before, after);
        mailRead = mail == null ? -1 : mail.read();
      }
      // The readers are closed: the trail and the truth hold still while they are judged.
      // A timer may fire late, and one that finds its clock already stopped does not fire at all.
      Duration lag = trail.longestTimerLag().plusMillis(500);
      Duration allowance = Duration.ofMillis(options.allowanceMillis());
      Duration timerGrace = lag.compareTo(allowance) > 0 ? lag : allowance;
      TruthFigures figures = TruthFigures.of(truth, trail, options, end, timerGrace);
      Verdict verdict = Verdict.judge(day, desk.played(), settled);
      Comparison comparison =
          Comparison.of(options.escalateAfter(), figures, system, truth, trail, end);
      SimReport.write(
          report,
          options,
          clock,
          truth,
          trail,
          figures,
          comparison,
          verdict,
          settled,
          mailRead,
          door.refusals(),
          door.problems(),
          scheduler,
          dropped);
      boolean failed = verdict.failed() || comparison.failed();
      report.line("");
      report.line(
          failed
              ? "RESULT: FAILED — "
                  + verdict.findings().size()
                  + " finding(s), "
                  + comparison.mismatches().size()
                  + " mismatch(es); see above"
                  + (notQuiet == null ? "" : " (on a deployment that was not quiet: see its start)")
              : "RESULT: PASSED — every inquiry acknowledged, no promise broken while an operator"
                  + " had room, urgent first, the system's figures agree with the simulator's");
      report.line("Report: " + report.file().toAbsolutePath());
      return failed ? 1 : 0;
    }
  }
}
