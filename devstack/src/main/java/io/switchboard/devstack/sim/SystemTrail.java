package io.switchboard.devstack.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.devstack.sim.TopicWatch.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the system said about each inquiry on its public topics during the run: how it took it, whom
 * it gave it to and when, its SLA clocks, breaches and escalations, what it sent the customer.
 * Written by the topic reader, read by the operators (who holds what) and the verdict.
 */
final class SystemTrail {
  /** An inquiry as the topics tell it; times are the events' occurredAt. */
  static final class Seen {
    final String inquiryId;
    String ticket;
    String channel;
    String language;
    String kind;
    boolean automatic;
    String bounceOf;
    Instant receivedAt;
    String priority;
    String team;
    String topic;
    List<String> matchedRules = List.of();

    /** The operator last assigned and the status, as the lifecycle topic has them so far. */
    String operator;

    String status = "NEW";
    final List<Step> steps = new ArrayList<>();
    final Map<String, Clock> clocks = new HashMap<>();
    final List<Timer> timers = new ArrayList<>();
    Ack ack;
    final List<Notice> notices = new ArrayList<>();
    final List<Notice> failures = new ArrayList<>();
    Integer rating;
    String ratedOperator;
    final List<Instant> channelAnswers = new ArrayList<>();
    final List<Instant> customerReplies = new ArrayList<>();

    Seen(String inquiryId) {
      this.inquiryId = inquiryId;
    }
  }

  /**
   * A lifecycle step: {@code ASSIGNED}, {@code QUEUED}, {@code FORWARDED} or a status; {@code
   * holder} is the operator holding the inquiry after it (taking one of their slots), or null.
   */
  record Step(Instant at, String what, String holder, String actor, String reason) {}

  /** One SLA clock's life; the first start's due time is the promise the SLA gives. */
  static final class Clock {
    Instant startedAt;
    Instant dueAt;
    String zone;
    Instant stoppedAt;

    /** When sla-service processed the stop (the event's occurredAt): timers ran until then. */
    Instant stopProcessedAt;

    Boolean met;
    long elapsedSeconds;
  }

  /** A warning, breach or escalation; level 0 for a breach, the warning's number otherwise. */
  record Timer(String kind, String clock, int level, Instant at, Instant dueAt) {}

  record Ack(Instant at, String medium, Instant promisedBy, String notificationId) {}

  record Notice(Instant at, String kind, String medium, String notificationId, String reason) {}

  private final Map<String, Seen> inquiries = new HashMap<>();
  private long events;

  synchronized void record(Event event) {
    events++;
    Seen seen = inquiries.computeIfAbsent(event.inquiryId(), Seen::new);
    JsonNode p = event.payload();
    switch (event.type()) {
      case "inquiry.received" -> {
        seen.ticket = p.path("ticket").asText(null);
        seen.channel = p.path("channel").asText(null);
        seen.language = p.path("language").asText(null);
        seen.kind = p.path("kind").asText("MESSAGE");
        seen.automatic = p.path("automatic").asBoolean(false);
        seen.bounceOf = p.path("bounceOf").asText(null);
        seen.receivedAt = event.at();
      }
      case "inquiry.customer-replied" -> seen.customerReplies.add(event.at());
      case "inquiry.operator-replied" -> seen.channelAnswers.add(event.at());
      case "inquiry.prioritized" -> {
        seen.priority = p.path("priority").asText(null);
        seen.team = p.path("teamId").asText(seen.team);
        seen.topic = p.path("topic").asText(null);
        List<String> rules = new ArrayList<>();
        p.path("matchedRules").forEach(r -> rules.add(r.asText()));
        seen.matchedRules = List.copyOf(rules);
      }
      case "inquiry.queued" -> {
        seen.team = p.path("teamId").asText(seen.team);
        seen.status = "QUEUED";
        seen.operator = null;
        seen.steps.add(new Step(event.at(), "QUEUED", null, "system", p.path("reason").asText("")));
      }
      case "inquiry.assigned" -> {
        seen.team = p.path("teamId").asText(seen.team);
        seen.operator = p.path("operatorId").asText(null);
        seen.status = "ASSIGNED";
        if (p.hasNonNull("priority")) {
          seen.priority = p.get("priority").asText();
        }
        seen.steps.add(
            new Step(event.at(), "ASSIGNED", seen.operator, "system", p.path("reason").asText("")));
      }
      case "inquiry.forwarded" ->
          seen.steps.add(
              new Step(
                  event.at(),
                  "FORWARDED",
                  holding(seen.status) ? seen.operator : null,
                  p.path("fromOperatorId").asText(null),
                  p.path("reason").asText("")));
      case "inquiry.status-changed" -> {
        seen.status = p.path("current").asText(seen.status);
        seen.steps.add(
            new Step(
                event.at(),
                seen.status,
                holding(seen.status) ? seen.operator : null,
                p.path("actor").asText(null),
                p.path("reason").asText("")));
      }
      case "sla.clock-started" -> {
        Clock clock = seen.clocks.computeIfAbsent(p.path("clock").asText(), k -> new Clock());
        if (clock.startedAt == null) {
          clock.startedAt = instant(p, "startedAt");
          clock.dueAt = instant(p, "dueAt");
          clock.zone = p.path("zone").asText(null);
        }
      }
      case "sla.clock-stopped" -> {
        Clock clock = seen.clocks.computeIfAbsent(p.path("clock").asText(), k -> new Clock());
        if (clock.stoppedAt == null) {
          clock.stoppedAt = instant(p, "stoppedAt");
          clock.stopProcessedAt = event.at();
          clock.met = p.path("met").asBoolean();
          clock.elapsedSeconds = p.path("elapsedSeconds").asLong();
        }
      }
      case "sla.warning", "sla.breached", "sla.escalated" ->
          seen.timers.add(
              new Timer(
                  event.type().substring("sla.".length()).toUpperCase(java.util.Locale.ROOT),
                  p.path("clock").asText(),
                  p.path("level").asInt(0),
                  event.at(),
                  instant(p, "dueAt")));
      case "notification.acknowledgement-sent" -> {
        if (seen.ack == null) {
          seen.ack =
              new Ack(
                  event.at(),
                  p.path("channel").asText(null),
                  instant(p, "promisedBy"),
                  p.path("notificationId").asText(null));
        }
      }
      case "notification.customer-notified" ->
          seen.notices.add(
              new Notice(
                  event.at(),
                  p.path("kind").asText(),
                  p.path("medium").asText(),
                  p.path("notificationId").asText(),
                  null));
      case "notification.delivery-failed" ->
          seen.failures.add(
              new Notice(
                  event.at(),
                  p.path("kind").asText(),
                  p.path("medium").asText(),
                  p.path("notificationId").asText(),
                  p.path("reason").asText()));
      case "notification.csat-received" -> {
        seen.rating = p.path("score").asInt();
        seen.ratedOperator = p.path("operatorId").asText(null);
      }
      default -> {}
    }
  }

  /** When routing first decided about the inquiry (assigned or queued it), or null. */
  static Instant routedAt(Seen seen) {
    return seen.steps.isEmpty() ? null : seen.steps.getFirst().at();
  }

  /** The longest a breach fired after its clock's due time in this run, or zero. */
  synchronized java.time.Duration longestTimerLag() {
    java.time.Duration longest = java.time.Duration.ZERO;
    for (Seen seen : inquiries.values()) {
      for (Timer timer : seen.timers) {
        if (timer.dueAt() != null && timer.kind().equals("BREACHED")) {
          java.time.Duration lag = java.time.Duration.between(timer.dueAt(), timer.at());
          longest = lag.compareTo(longest) > 0 ? lag : longest;
        }
      }
    }
    return longest;
  }

  /** Whether an operator holds an inquiry in this state: it takes one of their slots. */
  static boolean holding(String status) {
    return switch (status) {
      case "ASSIGNED", "ACCEPTED", "WAITING_ON_CUSTOMER", "REOPENED" -> true;
      default -> false;
    };
  }

  /** Events taken so far: a count that stands still when the system does. */
  synchronized long events() {
    return events;
  }

  synchronized Seen get(String inquiryId) {
    return inquiries.get(inquiryId);
  }

  /** The operator holding the inquiry now, or null. */
  synchronized String holder(String inquiryId) {
    Seen seen = inquiries.get(inquiryId);
    return seen == null || !holding(seen.status) ? null : seen.operator;
  }

  /**
   * What the customer was promised: the acknowledgement's time, or without one the due time of the
   * first-response clock (the honest time sla-service says may be promised); null when neither.
   */
  synchronized Instant promise(String inquiryId) {
    Seen seen = inquiries.get(inquiryId);
    if (seen == null) {
      return null;
    }
    if (seen.ack != null && seen.ack.promisedBy() != null) {
      return seen.ack.promisedBy();
    }
    Clock first = seen.clocks.get("FIRST_RESPONSE");
    return first == null ? null : first.dueAt;
  }

  synchronized String status(String inquiryId) {
    Seen seen = inquiries.get(inquiryId);
    return seen == null ? null : seen.status;
  }

  /** Every inquiry seen, for the verdict after the run (no writer is left then). */
  synchronized List<Seen> all() {
    return List.copyOf(inquiries.values());
  }

  private static Instant instant(JsonNode payload, String field) {
    JsonNode value = payload.get(field);
    return value == null || value.isNull() ? null : Instant.parse(value.asText());
  }
}
