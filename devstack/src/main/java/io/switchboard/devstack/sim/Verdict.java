package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.Roster.Member;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.SystemTrail.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges the day by the rules: every inquiry acknowledged, truthfully; no promised time
 * broken while an operator had room; no urgent inquiry waiting behind a routine one of its team;
 * machine-written mail kept out of operators' hands; what the simulator did shown by the system.
 * Each finding fails the run; notes explain without failing it.
 */
record Verdict(List<Finding> findings, List<String> notes, Map<String, Integer> lateCauses) {

  /** What the run fails on. */
  enum Rule {
    NO_ACKNOWLEDGEMENT("an inquiry got no acknowledgement"),
    UNTRUTHFUL_ACKNOWLEDGEMENT("an acknowledgement's words disagree with its promise"),
    PROMISE_BROKEN_WITH_ROOM("a promised time was broken while an operator had room"),
    URGENT_BEHIND_ROUTINE("an urgent inquiry waited behind a routine one of the same team"),
    AUTOMATIC_MAIL_HANDLED("machine-written mail was handled as a person's"),
    BOUNCE_NOT_RECORDED("a bounced acknowledgement was not recorded as a failed delivery"),
    ABSENT_ASSIGNEE("an inquiry went to an operator who was away or off shift"),
    TIMER_ON_ANSWERED("a breach or escalation fired for a clock already answered"),
    NOT_SHOWN("the system never showed what the simulator did"),
    REFUSED("a channel refused a valid message");

    final String title;

    Rule(String title) {
      this.title = title;
    }
  }

  record Finding(Rule rule, String subject, String text) {}

  boolean failed() {
    return !findings.isEmpty();
  }

  static Verdict judge(DayContext day, List<Member> played, Settling settled) {
    SystemTrail trail = day.trail();
    Instant end = Instant.now();
    RoomModel room = new RoomModel(day.roster(), played, trail.all(), end);
    Duration allowance = Duration.ofMillis(day.options().allowanceMillis());
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, Integer> lateCauses = new HashMap<>();
    for (String what : settled.unsettled()) {
      findings.add(new Finding(Rule.NOT_SHOWN, "", what));
    }
    for (String what : day.truth().refused()) {
      findings.add(new Finding(Rule.REFUSED, "", what));
    }
    for (Case c : day.truth().cases()) {
      if (!c.accepted()) {
        if (c.status >= 400 && c.status < 500) {
          findings.add(
              new Finding(Rule.REFUSED, c.label(), c.arrival().channel() + " " + c.refusal));
        } else {
          notes.add(
              c.label() + " " + c.arrival().channel() + " not taken after retries: " + c.refusal);
        }
        continue;
      }
      Seen seen = trail.get(c.inquiryId);
      if (seen == null) {
        continue;
      }
      if (c.automatic()) {
        automatic(c, seen, findings);
        continue;
      }
      acknowledgement(c, seen, day, findings, notes);
      promise(c, seen, trail.promise(c.inquiryId), room, allowance, findings, lateCauses);
      timers(c, seen, allowance, findings);
      bounce(c, seen, findings);
      expectedPriority(c, seen, notes);
    }
    for (Member member : played) {
      boolean online =
          member.alwaysPresent || member.presentAt(end, Duration.ofDays(1)) || member.wasOnline();
      boolean assigned =
          trail.all().stream()
              .anyMatch(s -> s.steps.stream().anyMatch(st -> member.id.equals(st.holder())));
      if (member.inDirectory && online && !assigned) {
        notes.add(
            member.id
                + " was available ("
                + member.shiftText()
                + ") but routing gave them nothing (capacity "
                + new java.util.TreeMap<>(member.capacity)
                + ")");
      }
    }
    urgentFirst(trail.all(), room, allowance, findings);
    absentAssignees(trail.all(), day.roster(), room, allowance, findings);
    return new Verdict(List.copyOf(findings), List.copyOf(notes), lateCauses);
  }

  private static void automatic(Case c, Seen seen, List<Finding> findings) {
    List<String> wrong = new ArrayList<>();
    if (!seen.automatic) {
      wrong.add("not marked automatic");
    }
    if (seen.steps.stream().anyMatch(s -> s.what().equals("ASSIGNED"))) {
      wrong.add("assigned to " + seen.operator + " (takes an operator's slot)");
    }
    if (seen.ack != null) {
      wrong.add("acknowledged (a mail loop)");
    }
    if (!seen.clocks.isEmpty()) {
      wrong.add("SLA clocks started");
    }
    if (!wrong.isEmpty()) {
      findings.add(
          new Finding(
              Rule.AUTOMATIC_MAIL_HANDLED,
              c.label(),
              c.arrival().kind() + ": " + String.join(", ", wrong)));
    }
  }

  private static void acknowledgement(
      Case c, Seen seen, DayContext day, List<Finding> findings, List<String> notes) {
    SimOptions options = day.options();
    if (c.ackMedium == null) {
      return;
    }
    if (!options.ackMedia().contains(c.ackMedium)) {
      if (seen.ack != null) {
        notes.add(
            c.label() + ": acknowledged by " + c.ackMedium + " although --ack-media leaves it out");
      }
      return;
    }
    boolean mailed = c.ackMailAt != null;
    boolean email = c.ackMedium.equals("EMAIL") && options.readsMail();
    if (seen.ack == null && !mailed) {
      String failed =
          seen.failures.stream()
              .filter(f -> f.kind().equals("ACKNOWLEDGEMENT"))
              .map(f -> " (delivery failed: " + f.reason() + ")")
              .findFirst()
              .orElse("");
      findings.add(
          new Finding(
              Rule.NO_ACKNOWLEDGEMENT,
              c.label(),
              c.arrival().channel()
                  + " by "
                  + c.ackMedium
                  + ": nothing sent"
                  + failed
                  + sameAddress(c, day)));
      return;
    }
    if (email && !mailed) {
      findings.add(
          new Finding(
              Rule.NO_ACKNOWLEDGEMENT,
              c.label(),
              "acknowledgement-sent at " + seen.ack.at() + " but no mail reached the customer"));
      return;
    }
    if (!email) {
      return;
    }
    AckText words = AckText.read(c.ackMailText);
    Instant promised = seen.ack == null ? null : seen.ack.promisedBy();
    if (words.time() == null) {
      findings.add(new Finding(Rule.UNTRUTHFUL_ACKNOWLEDGEMENT, c.label(), "names no time"));
    } else if (words.zone() == null) {
      findings.add(
          new Finding(
              Rule.UNTRUTHFUL_ACKNOWLEDGEMENT,
              c.label(),
              "\"" + words.time() + "\" names no time zone"));
    } else if (promised != null && !words.says(promised)) {
      findings.add(
          new Finding(
              Rule.UNTRUTHFUL_ACKNOWLEDGEMENT,
              c.label(),
              "says "
                  + words.time()
                  + " ("
                  + words.zoneWords()
                  + ") but promisedBy is "
                  + promised.atZone(words.zone()).toLocalTime()));
    }
    var first = seen.clocks.get("FIRST_RESPONSE");
    if (promised != null && first != null && first.dueAt != null && !promised.equals(first.dueAt)) {
      notes.add(
          c.label()
              + ": promised "
              + promised
              + ", the SLA clock is due "
              + first.dueAt
              + " (the acknowledgement did not wait for sla-service's due time)");
    }
  }

  /**
   * The same customer address was acknowledged shortly before for another inquiry: what
   * notification-service's one-acknowledgement-per-address window suppresses.
   */
  private static String sameAddress(Case c, DayContext day) {
    for (Case earlier : day.truth().cases()) {
      if (earlier == c
          || !earlier.accepted()
          || earlier.sentTo == null
          || !earlier.sentTo.isBefore(c.sentFrom)
          || !c.ackMedium.equals(earlier.ackMedium)
          || earlier.arrival().customer().id() != c.arrival().customer().id()) {
        continue;
      }
      Seen before = day.trail().get(earlier.inquiryId);
      if (before != null && before.ack != null) {
        return " — the same "
            + c.ackMedium
            + " address was acknowledged for "
            + earlier.label()
            + " "
            + Duration.between(before.ack.at(), c.sentFrom).toSeconds()
            + " s earlier (notification-service sends one acknowledgement per address per window;"
            + " the second inquiry's customer never learns its ticket)";
      }
    }
    return "";
  }

  /**
   * A broken promise is the system's fault when the inquiry waited unassigned (beyond the
   * allowance) while an operator who could take it had room; otherwise its cause is noted.
   */
  private static void promise(
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
        var free =
            room.roomAt(seen.team, seen.channel, seen.language, seen.topic, heldBefore(seen, t), t);
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
  private static void timers(Case c, Seen seen, Duration allowance, List<Finding> findings) {
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

  private static void bounce(Case c, Seen seen, List<Finding> findings) {
    if (c.bouncedAt == null) {
      return;
    }
    boolean recorded = seen.failures.stream().anyMatch(f -> f.kind().equals("ACKNOWLEDGEMENT"));
    if (!recorded) {
      findings.add(
          new Finding(
              Rule.BOUNCE_NOT_RECORDED,
              c.label(),
              "the acknowledgement to a non-existent address bounced; no delivery-failed for it"));
    }
  }

  private static void expectedPriority(Case c, Seen seen, List<String> notes) {
    if (c.arrival().kind() != PlannedArrival.Kind.MESSAGE || seen.priority == null) {
      return;
    }
    String expected = c.arrival().matter().expectedPriority;
    if (c.arrival().channel() == SimChannel.PHONE && expected.compareTo("P2") > 0) {
      expected = "P2";
    }
    if (!expected.equals(seen.priority)) {
      notes.add(
          c.label()
              + ": \""
              + c.arrival().text().subject()
              + "\" is "
              + seen.priority
              + ", the built-in rules give "
              + expected
              + " (matched "
              + seen.matchedRules
              + ")");
    }
  }

  /**
   * When routine R went to operator O, no urgent U of the same team may have been waiting (beyond
   * the allowance) that O could have taken.
   */
  private static void urgentFirst(
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

  private static void absentAssignees(
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
