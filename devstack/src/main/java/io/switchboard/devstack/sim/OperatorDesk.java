package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.GroundTruth.Case;
import io.switchboard.devstack.sim.Roster.Member;
import io.switchboard.devstack.sim.TopicWatch.Event;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff of the day: brings each operator online for their simulated shift through the presence
 * API (and keeps them online with heartbeats), takes them away at its end, and tells each one what
 * routing gave them, as their screen would.
 */
final class OperatorDesk {
  private static final Duration HEARTBEAT = Duration.ofSeconds(60);
  private static final Set<String> BACK = Set.of("WAITING_ON_CUSTOMER", "RESOLVED", "CLOSED");

  private final DayContext day;
  private final Map<String, OperatorAgent> agents = new LinkedHashMap<>();
  private final Map<String, List<Event>> early = new HashMap<>();
  private volatile boolean dayOver;

  OperatorDesk(DayContext day, CustomerSide customers, TokenMint tokens) {
    this.day = day;
    for (Member member : day.roster().members()) {
      if (tokens.canAct(member.id)) {
        agents.put(member.id, new OperatorAgent(day, member, customers));
      }
    }
  }

  /** Operators the simulator plays; the others keep whatever routing gives them. */
  List<Member> played() {
    return agents.values().stream().map(OperatorAgent::member).toList();
  }

  /**
   * Plans every shift change of the day, up to {@code until} (simulated): the end of the arrivals.
   * Whoever is online then stays so while the day's work drains, and goes offline with the day.
   */
  void planShifts(LocalDateTime until) {
    LocalDateTime start = day.clock().simStart();
    for (OperatorAgent agent : agents.values()) {
      Member member = agent.member();
      if (member.shiftStart == null) {
        continue;
      }
      if (member.onSimulatedShift(start)) {
        goOnline(agent);
      }
      for (LocalDateTime date = start.toLocalDate().atStartOfDay();
          date.isBefore(until);
          date = date.plusDays(1)) {
        LocalDateTime begins = date.with(member.shiftStart);
        LocalDateTime ends = date.with(member.shiftEnd);
        if (!ends.isAfter(begins)) {
          ends = ends.plusDays(1);
        }
        if (begins.isAfter(start) && begins.isBefore(until)) {
          day.scheduler().at(begins, () -> goOnline(agent));
        }
        if (ends.isAfter(start) && ends.isBefore(until)) {
          day.scheduler().at(ends, () -> goAway(agent));
        }
      }
    }
  }

  private void goOnline(OperatorAgent agent) {
    if (dayOver) {
      return;
    }
    var answer = day.api().presence(agent.member().id, "ONLINE");
    if (answer.ok()) {
      agent.member().mark(answer.answeredAt(), "ONLINE");
      agent.working(true);
      day.truth().count("operator online");
      day.scheduler().background(HEARTBEAT, () -> heartbeat(agent));
    } else {
      day.truth().count("presence ONLINE answered " + answer.status());
    }
  }

  private void heartbeat(OperatorAgent agent) {
    if (dayOver || !agent.member().presentAt(Instant.now(), Duration.ofDays(1))) {
      return;
    }
    var answer = day.api().heartbeat(agent.member().id);
    if (answer.ok()) {
      agent.member().mark(answer.answeredAt(), "ONLINE");
    }
    day.scheduler().background(HEARTBEAT, () -> heartbeat(agent));
  }

  /** The shift ends: no new work; what the operator holds is still finished. */
  private void goAway(OperatorAgent agent) {
    Instant asked = Instant.now();
    agent.member().mark(asked, "AWAY");
    agent.working(false);
    var answer = day.api().presence(agent.member().id, "AWAY");
    day.truth().count("operator away" + (answer.ok() ? "" : " refused " + answer.status()));
  }

  /** The day is over: every operator the simulator brought online goes offline. */
  void endDay() {
    dayOver = true;
    for (OperatorAgent agent : agents.values()) {
      Member member = agent.member();
      if (member.shiftStart != null) {
        member.mark(Instant.now(), "OFFLINE");
        day.api().presence(member.id, "OFFLINE");
      }
    }
  }

  /**
   * The simulator learned an inquiry's id (its channel answered 202): events that came before are
   * taken now.
   */
  void known(Case c) {
    List<Event> before;
    synchronized (early) {
      before = early.remove(c.inquiryId);
    }
    if (before != null) {
      before.forEach(this::seen);
    }
  }

  /** Called by the topic reader after the trail took the event. */
  void seen(Event event) {
    switch (event.type()) {
      case "inquiry.assigned" -> {
        OperatorAgent agent = agents.get(event.payload().path("operatorId").asText());
        Case c;
        synchronized (early) {
          c = day.truth().byInquiry(event.inquiryId());
          if (c == null && agent != null) {
            // Routing can assign before the channel's 202 reached the simulator: kept until it
            // does.
            early.computeIfAbsent(event.inquiryId(), k -> new ArrayList<>()).add(event);
            return;
          }
        }
        if (c == null || agent == null) {
          return;
        }
        var seen = day.trail().get(event.inquiryId());
        int assignment =
            seen == null
                ? 1
                : (int) seen.steps.stream().filter(s -> s.what().equals("ASSIGNED")).count();
        agent.assigned(c, assignment);
      }
      case "inquiry.status-changed" -> {
        String previous = event.payload().path("previous").asText("");
        String current = event.payload().path("current").asText("");
        if (!BACK.contains(previous)
            || !(current.equals("ACCEPTED") || current.equals("REOPENED"))) {
          return;
        }
        Case c = day.truth().byInquiry(event.inquiryId());
        OperatorAgent agent = agents.get(day.trail().holder(event.inquiryId()));
        if (c != null && agent != null) {
          agent.customerCameBack(c);
        }
      }
      default -> {}
    }
  }
}
