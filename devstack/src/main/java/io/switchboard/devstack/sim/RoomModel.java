package io.switchboard.devstack.sim;

import io.switchboard.devstack.sim.Roster.Member;
import io.switchboard.devstack.sim.SystemTrail.Seen;
import io.switchboard.devstack.sim.SystemTrail.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntBiFunction;

/**
 * Who could have taken an inquiry at a given moment, by routing's own rules (present, on shift by
 * the directory schedule, skilled for its channel, language and topic, below capacity on its
 * channel), rebuilt from the lifecycle topic and the presence the simulator stated. Load counts
 * every inquiry an operator held, the simulator's or not; inquiries held from before the run are
 * unknown to it, which the report states. An inquiry received before the run but moved during it
 * (forwarded, escalated) has no known channel: it counts against every channel's capacity, so that
 * the judge never claims room that routing may not have had.
 */
final class RoomModel {
  /**
   * An operator held an inquiry of a channel from {@code from} until {@code to} (exclusive); its
   * priority and receipt rank it in routing's queue (null when unknown).
   */
  private record Hold(
      String channel, Instant from, Instant to, String priority, Instant receivedAt) {}

  /**
   * A slot freed by an answer or a resolution goes to the queue's head in the same transaction, a
   * few milliseconds later: room that an inquiry ranking at least as high took within this long was
   * never room for the waiting one.
   */
  private static final Duration HANDOVER = Duration.ofSeconds(2);

  /** Why an operator could take the inquiry: "2 of 3 free on CHAT". */
  record Room(Member member, int free, int capacity) {
    String text(String channel) {
      return member.id + " (" + free + " of " + capacity + " free on " + channel + ")";
    }
  }

  private final Roster roster;
  private final Set<String> played;
  private final Duration idleTimeout;
  private final Map<String, List<Hold>> holds = new HashMap<>();

  RoomModel(Roster roster, Collection<Member> played, Collection<Seen> inquiries, Instant end) {
    this.roster = roster;
    this.played = new HashSet<>();
    played.forEach(m -> this.played.add(m.id));
    this.idleTimeout = Duration.ofMinutes(5);
    for (Seen seen : inquiries) {
      String holder = null;
      Instant since = null;
      for (Step step : seen.steps) {
        if (holder != null && !holder.equals(step.holder())) {
          add(holder, seen, since, step.at());
          holder = null;
        }
        if (holder == null && step.holder() != null) {
          holder = step.holder();
          since = step.at();
        }
      }
      if (holder != null) {
        add(holder, seen, since, end);
      }
    }
  }

  private void add(String operator, Seen seen, Instant from, Instant to) {
    holds
        .computeIfAbsent(operator, k -> new ArrayList<>())
        .add(new Hold(seen.channel, from, to, seen.priority, seen.receivedAt));
  }

  /** Inquiries of a channel the operator held just before {@code at}. */
  int loadBefore(String operator, String channel, Instant at) {
    int load = 0;
    for (Hold hold : holds.getOrDefault(operator, List.of())) {
      boolean sameChannel = hold.channel() == null || hold.channel().equals(channel);
      if (sameChannel && hold.from().isBefore(at) && !hold.to().isBefore(at)) {
        load++;
      }
    }
    return load;
  }

  /**
   * Load before {@code at} plus the holds of inquiries ranking at least as high as {@code waiting}
   * that began within {@link #HANDOVER} after it: what the operator's slots were spent on.
   */
  int spentAt(String operator, String channel, Instant at, Seen waiting) {
    int spent = loadBefore(operator, channel, at);
    Instant until = at.plus(HANDOVER);
    for (Hold hold : holds.getOrDefault(operator, List.of())) {
      boolean sameChannel = hold.channel() == null || hold.channel().equals(channel);
      boolean handedOver = hold.from().isAfter(at) && !hold.from().isAfter(until);
      if (sameChannel && handedOver && outranksOrEquals(hold, waiting)) {
        spent++;
      }
    }
    return spent;
  }

  private static boolean outranksOrEquals(Hold hold, Seen waiting) {
    if (hold.priority() == null || waiting.priority == null) {
      return true; // unknown rank: never claim room it may have had a right to
    }
    int order = hold.priority().compareTo(waiting.priority);
    if (order != 0) {
      return order < 0;
    }
    return hold.receivedAt() == null
        || waiting.receivedAt == null
        || !hold.receivedAt().isAfter(waiting.receivedAt);
  }

  /**
   * An operator of {@code waiting}'s team who could have taken it at {@code at}, not one of {@code
   * excluded}; null when nobody could. Only operators whose presence is known count: duty operators
   * and the ones the simulator plays. A slot that an inquiry ranking at least as high took right
   * after {@code at} does not count ({@link #spentAt}).
   */
  Room roomFor(Seen waiting, Set<String> excluded, Instant at) {
    return roomAt(
        waiting.team,
        waiting.channel,
        waiting.language,
        waiting.topic,
        excluded,
        at,
        (member, channel) -> spentAt(member, channel, at, waiting));
  }

  /**
   * As {@link #roomFor}, with the load just before {@code at} only: for judging what routing did at
   * a given decision.
   */
  Room roomAt(
      String team,
      String channel,
      String language,
      String topic,
      Set<String> excluded,
      Instant at) {
    return roomAt(
        team, channel, language, topic, excluded, at, (member, ch) -> loadBefore(member, ch, at));
  }

  private Room roomAt(
      String team,
      String channel,
      String language,
      String topic,
      Set<String> excluded,
      Instant at,
      ToIntBiFunction<String, String> load) {
    for (Member member : roster.team(team)) {
      if (excluded.contains(member.id) || !known(member)) {
        continue;
      }
      if (!member.presentAt(at, idleTimeout)
          || !member.onRealShift(at)
          || !member.skilled(channel, language, topic)) {
        continue;
      }
      int capacity = member.capacity(channel);
      int free = capacity - load.applyAsInt(member.id, channel);
      if (free > 0) {
        return new Room(member, free, capacity);
      }
    }
    return null;
  }

  /** Whether routing would count the operator as present and on shift at that moment. */
  boolean available(Member member, Instant at) {
    return member.presentAt(at, idleTimeout) && member.onRealShift(at);
  }

  boolean known(Member member) {
    return member.alwaysPresent || played.contains(member.id);
  }
}
