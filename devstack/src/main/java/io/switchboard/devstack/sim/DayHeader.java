package io.switchboard.devstack.sim;

import io.switchboard.devstack.report.Report;
import io.switchboard.devstack.sim.Roster.Member;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report's opening: the run, the deployment, the day planned, what was scaled, the staff. */
final class DayHeader {
  private DayHeader() {}

  static void print(
      Report report,
      SimOptions options,
      String run,
      SimClock clock,
      List<PlannedArrival> plan,
      Roster roster,
      OperatorDesk desk,
      PolicyGuard policy) {
    report.line("Switchboard support-day simulation, run " + run);
    report.line("");
    report.line("commit", options.commit());
    report.line(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, load average "
            + Report.loadAverage()
            + " (1, 5, 15 min) at the start");
    report.line(
        "deployment",
        "ingest "
            + options.ingestUrl()
            + ", routing "
            + options.routingUrl()
            + ", sla "
            + options.slaUrl()
            + ", notification "
            + options.notificationUrl());
    report.line(
        "",
        "topics on "
            + options.bootstrap()
            + (options.topicPrefix().isEmpty() ? "" : " (prefix " + options.topicPrefix() + ")")
            + ", mail "
            + (options.readsMail() ? options.mailUrl() : "not read"));
    LocalDateTime end = clock.simStart().plusSeconds((long) (options.hours() * 3600));
    Duration real = clock.real(Duration.between(clock.simStart(), end));
    report.line(
        "simulated day",
        SimClock.show(clock.simStart())
            + " → "
            + SimClock.show(end)
            + " ("
            + options.hours()
            + " h) at speed "
            + options.speed()
            + ": "
            + real.toMinutes()
            + " min "
            + real.toSecondsPart()
            + " s real; seed "
            + options.seed()
            + ", peak "
            + options.peakPerHour()
            + " inquiries/h");
    Map<Integer, Integer> perHour = new TreeMap<>();
    Map<SimChannel, Integer> perChannel = new TreeMap<>();
    int automatic = 0;
    int returning = 0;
    for (PlannedArrival a : plan) {
      perHour.merge(a.at().getHour(), 1, Integer::sum);
      perChannel.merge(a.channel(), 1, Integer::sum);
      automatic += a.kind().automatic() ? 1 : 0;
      returning += a.returning() ? 1 : 0;
    }
    report.line(
        "planned arrivals",
        plan.size()
            + ": "
            + perChannel
            + "; "
            + automatic
            + " automatic mail, "
            + returning
            + " customers coming back on another channel");
    StringBuilder hours = new StringBuilder();
    perHour.forEach((h, n) -> hours.append(String.format("%02d:%d  ", h, n)));
    report.line("per simulated hour", hours.toString().trim());
    report.line("");
    report.line("What was scaled (÷ " + options.speed() + ")");
    if (!policy.restoredNote().isEmpty()) {
      report.line("  note: " + policy.restoredNote());
    }
    if (policy.wasScaled()) {
      report.line("  SLA policy through PUT /sla/policy, restored at the end:");
      for (PolicyScaling.Change change : policy.changes()) {
        report.line(
            String.format(
                "    %-18s %-15s %s  →  %s",
                change.rule(), change.clock(), change.before(), change.during()));
      }
    } else {
      report.line("  nothing: --no-policy-scaling");
    }
    report.line("  the simulator's own timing: arrivals, operators' reactions and work, customers");
    report.line("What could not be scaled (runs in real time, configuration only)");
    report.line(
        "  routing: forwarding accept/answer timeouts, queue drain interval, presence idle timeout");
    report.line(
        "  sla: timers warn-before and escalate-after (assumed "
            + options.escalateAfter()
            + ", --escalate-after), the alert calendar holding P3/P4 escalations to office hours");
    report.line(
        "  business calendars: their rules ran in calendar time; an off-hours promise cannot be"
            + " simulated");
    report.line("  routing's shift check: directory schedules are judged by the real clock");
    report.line(
        "  notification: the loop guard (3 acknowledgements per address per 10 min), the 3 s wait"
            + " for sla-service's due time");
    report.line("");
    report.line("Staff (GET /api/admin/directory)");
    List<Member> played = desk.played();
    for (Member m : roster.members()) {
      report.line(
          String.format(
              "  %-12s %-10s %-38s capacity %-28s languages %-8s topics %s%s",
              m.id,
              m.team,
              m.shiftText(),
              m.capacity.isEmpty() ? "{default 1}" : new TreeMap<>(m.capacity).toString(),
              m.languages.isEmpty() ? "any" : m.languages,
              m.topics.isEmpty() ? "any" : m.topics,
              played.contains(m) ? "" : "  (not played: no token)"));
    }
    report.line("");
  }
}
