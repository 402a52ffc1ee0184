package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.Roster.Member;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        CustomerJudge.automatic(c, seen, findings);
        continue;
      }
      CustomerJudge.acknowledgement(c, seen, day, findings, notes);
      RoutingJudge.promise(
          c, seen, trail.promise(c.inquiryId), room, allowance, findings, lateCauses);
      RoutingJudge.timers(c, seen, allowance, findings);
      CustomerJudge.bounce(c, seen, findings);
      expectedPriority(c, seen, notes);
      unanswered(c, seen, notes);
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
    RoutingJudge.urgentFirst(trail.all(), room, allowance, findings);
    RoutingJudge.absentAssignees(trail.all(), day.roster(), room, allowance, findings);
    return new Verdict(List.copyOf(findings), List.copyOf(notes), lateCauses);
  }

  /** Where an inquiry nobody answered stood at the end, and what the simulator's side did. */
  private static void unanswered(Case c, Seen seen, List<String> notes) {
    if (c.firstAnswer() != null) {
      return;
    }
    String did =
        c.forgottenBy != null
            ? "forgotten by " + c.forgottenBy + " (simulated)"
            : !c.declinedBy.isEmpty()
                ? "declined by " + c.declinedBy
                : !c.acceptedBy.isEmpty() ? "accepted by " + c.acceptedBy : "never accepted";
    notes.add(
        c.label()
            + " ("
            + seen.priority
            + " "
            + seen.channel
            + "): unanswered at the end, "
            + seen.status
            + (seen.operator == null ? "" : " with " + seen.operator)
            + "; "
            + did);
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
}
