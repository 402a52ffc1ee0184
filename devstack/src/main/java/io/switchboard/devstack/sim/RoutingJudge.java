package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.Roster.Member;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.SystemTrail.Step;
import io.switchboard.devstack.sim.Verdict.Finding;
import io.switchboard.devstack.sim.Verdict.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The routing side of the verdict, judged with the {@link RoomModel}: no promise broken while the
 * inquiry waited in routing's hands and an operator had room, urgent before routine within a team,
 * no assignment to an operator who was away or off shift, no breach or escalation for a clock
 * already answered beyond the pipeline's allowance.
 */
final class RoutingJudge {
  private RoutingJudge() {}

  /**
   * A broken promise is the system's fault when the inquiry waited unassigned (beyond the
   * allowance) while an operator who could take it had room; otherwise its cause is noted.
   */
  static void promise(
      Case c,
      Seen seen,
      Instant promise,
      RoomModel room,
      Duration allowance,
      List<Finding> findings,
      Map<String, Integer> lateCauses) {
    var answer = c.firstAnswer();
    if (promise == null || (answer != null && !answer.from().isAfter(promise))) {
      return;
    }
    if (answer != null && !answer.to().isAfter(promise)) {
      return; // the moment lies in the request's own window: not provably late
    }
    Instant routed = SystemTrail.routedAt(seen);
    for (Instant[] wait : waits(seen, promise)) {
      if (routed == null || wait[1].isBefore(routed)) {
        continue; // routing had not taken it yet: pipeline time, not a decision (see causes)
      }
      if (wait[0].isBefore(routed)) {
        wait = new Instant[] {routed, wait[1]};
      }
      for (Instant t = wait[0].plus(allowance); t.isBefore(wait[1]); t = t.plusSeconds(1)) {
        var free = room.roomFor(seen, heldBefore(seen, t), t);
        if (free != null) {
          findings.add(
              new Finding(
                  Rule.PROMISE_BROKEN_WITH_ROOM,
                  c.label(),
                  seen.priority
                      + " "
                      + seen.channel
                      + " promised "
                      + promise
                      + ", "
                      + (answer == null ? "never answered" : "answered " + answer.from())
                      + "; unassigned from "
                      + wait[0]
                      + " while "
                      + free.text(seen.channel)
                      + " at "
                      + t));
          return;
        }
      }
    }
    String cause;
    if (routed == null || Duration.between(seen.receivedAt, routed).compareTo(allowance) > 0) {
      cause =
          "the system took over "
              + allowance.toSeconds()
              + " s to route it (pipeline, machine load)";
    } else if (c.forgottenBy != null) {
      cause = "the operator forgot it (simulated)";
    } else if (!waits(seen, promise).isEmpty()
        && seen.steps.stream().noneMatch(s -> s.what().equals("ASSIGNED"))) {
      cause = "nobody eligible had room";
    } else if (answer == null) {
      cause = "held, not answered by the end";
    } else {
      cause = "the operator's pace (busy with other inquiries)";
    }
    lateCauses.merge(cause, 1, Integer::sum);
  }

  /** Intervals before {@code until} in which nobody held the inquiry. */
  private static List<Instant[]> waits(Seen seen, Instant until) {
    List<Instant[]> waits = new ArrayList<>();
    Instant from = seen.receivedAt;
    for (Step step : seen.steps) {
      if (from != null && step.holder() != null) {
        addWait(waits, from, step.at(), until);
        from = null;
      } else if (from == null && step.holder() == null && !terminal(step.what())) {
        from = step.at();
      }
    }
    if (from != null) {
      addWait(waits, from, until, until);
    }
    return waits;
  }

  private static void addWait(List<Instant[]> waits, Instant from, Instant to, Instant until) {
    Instant end = to.isAfter(until) ? until : to;
    if (from.isBefore(end)) {
      waits.add(new Instant[] {from, end});
    }
  }

  private static boolean terminal(String status) {
    return status.equals("RESOLVED") || status.equals("CLOSED");
  }

  /** Operators who held the inquiry before: routing does not give it back to them. */
  private static Set<String> heldBefore(Seen seen, Instant at) {
    Set<String> held = new HashSet<>();
    for (Step step : seen.steps) {
      if (step.at().isBefore(at) && step.holder() != null) {
        held.add(step.holder());
      }
    }
    return held;
  }

  /** A timer may fire while the answer is on its way to sla-service: within the allowance. */
  static void timers(Case c, Seen seen, Duration allowance, List<Finding> findings) {
    var answer = c.firstAnswer();
    if (answer == null) {
      return;
    }
    for (var timer : seen.timers) {
      if (timer.clock().equals("FIRST_RESPONSE")
          && !timer.kind().equals("WARNING")
          && timer.at().isAfter(answer.to().plus(allowance))
          && (timer.dueAt() == null || timer.dueAt().isAfter(answer.to()))) {
        findings.add(
            new Finding(
                Rule.TIMER_ON_ANSWERED,
                c.label(),
                timer.kind()
                    + " level "
                    + timer.level()
                    + " at "
                    + timer.at()
                    + " although "
                    + answer.operator()
                    + " answered by "
                    + answer.how()
                    + " at "
                    + answer.to()));
      }
    }
  }

  /**
   * When routine R went to operator O, no urgent U of the same team may have been waiting (beyond
   * the allowance) that O could have taken.
   */
  static void urgentFirst(
      List<Seen> all, RoomModel room, Duration allowance, List<Finding> findings) {
    for (Seen routine : all) {
      if (!"P3".equals(routine.priority) && !"P4".equals(routine.priority)) {
        continue;
      }
      for (Step step : routine.steps) {
        if (!step.what().equals("ASSIGNED") || step.holder() == null) {
          continue;
        }
        Instant t = step.at();
        for (Seen urgent : all) {
          if (urgent.automatic
              || urgent.team == null
              || !urgent.team.equals(routine.team)
              || !("P1".equals(urgent.priority) || "P2".equals(urgent.priority))) {
            continue;
          }
          Instant waitingSince = waitingAt(urgent, t);
          if (waitingSince == null || waitingSince.plus(allowance).isAfter(t)) {
            continue;
          }
          var free =
              room.roomAt(
                  urgent.team,
                  urgent.channel,
                  urgent.language,
                  urgent.topic,
                  heldBefore(urgent, t),
                  t);
          if (free != null && free.member().id.equals(step.holder())) {
            findings.add(
                new Finding(
                    Rule.URGENT_BEHIND_ROUTINE,
                    urgent.ticket,
                    urgent.priority
                        + " "
                        + urgent.channel
                        + " waiting since "
                        + waitingSince
                        + " while routine "
                        + routine.ticket
                        + " ("
                        + routine.priority
                        + " "
                        + routine.channel
                        + ") went to "
                        + free.text(urgent.channel)
                        + " at "
                        + t));
          }
        }
      }
    }
  }

  /**
   * Since when routing had kept the inquiry waiting unassigned at {@code t} (queued, or back from
   * an operator), or null: before routing's first decision it was still on its way (pipeline).
   */
  private static Instant waitingAt(Seen seen, Instant t) {
    Instant since = null;
    for (Step step : seen.steps) {
      if (!step.at().isBefore(t)) {
        break;
      }
      if (step.holder() != null || terminal(step.what())) {
        since = null;
      } else if (since == null) {
        since = step.at();
      }
    }
    return since;
  }

  static void absentAssignees(
      List<Seen> all, Roster roster, RoomModel room, Duration allowance, List<Finding> findings) {
    for (Seen seen : all) {
      for (Step step : seen.steps) {
        Member member = roster.get(step.holder());
        if (!step.what().equals("ASSIGNED") || member == null || !member.inDirectory) {
          continue;
        }
        if (!room.known(member) || step.actor() != null && !step.actor().equals("system")) {
          continue;
        }
        boolean reason =
            step.reason() != null && step.reason().toLowerCase().contains("supervisor");
        if (!reason
            && !room.available(member, step.at())
            && !room.available(member, step.at().minus(allowance))) {
          findings.add(
              new Finding(
                  Rule.ABSENT_ASSIGNEE,
                  seen.ticket,
                  seen.channel
                      + " assigned to "
                      + member.id
                      + " at "
                      + step.at()
                      + " ("
                      + step.reason()
                      + "), who was away or off shift then"));
        }
      }
    }
  }
}
