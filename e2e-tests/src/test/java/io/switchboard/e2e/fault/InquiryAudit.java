package io.switchboard.e2e.fault;

import io.switchboard.contracts.ClockKind;
import io.switchboard.contracts.EventType;
import io.switchboard.e2e.fault.EventLog.Seen;
import io.switchboard.e2e.fault.InquiryStream.Accepted;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What became of each accepted inquiry: its events counted both as raw records and as distinct
 * events (by {@code ce_id}), and its acknowledgement at the providers counted both as raw messages
 * and as distinct notifications (by Message-ID or Idempotency-Key).
 */
final class InquiryAudit {
  /** Raw records and distinct events (or notifications) of one kind for one inquiry. */
  record Count(int raw, int distinct) {
    boolean republished() {
      return raw > distinct;
    }
  }

  /** One inquiry's outcome. */
  record Outcome(
      Accepted inquiry,
      Count prioritized,
      Count decided,
      Count clockStarted,
      Count acknowledged,
      Count delivered,
      boolean outOfOrder,
      boolean ticketMismatch) {

    boolean complete() {
      return prioritized.distinct() > 0
          && decided.distinct() > 0
          && clockStarted.distinct() > 0
          && acknowledged.distinct() > 0
          && delivered.distinct() > 0;
    }

    /** How many of the five steps happened at least once: grows while the backlog drains. */
    int stepsDone() {
      return Stream.of(prioritized, decided, clockStarted, acknowledged, delivered)
          .mapToInt(c -> c.distinct() > 0 ? 1 : 0)
          .sum();
    }

    boolean doubled() {
      return prioritized.distinct() > 1
          || decided.distinct() > 1
          || clockStarted.distinct() > 1
          || acknowledged.distinct() > 1
          || delivered.distinct() > 1;
    }

    /** The same event (same ce_id) on its topic more than once: at-least-once, not a double. */
    boolean republished() {
      return prioritized.republished()
          || decided.republished()
          || clockStarted.republished()
          || acknowledged.republished();
    }

    /** The same notification taken by a provider more than once. */
    boolean resent() {
      return delivered.republished();
    }

    String describe() {
      return inquiry.channel()
          + " "
          + inquiry.inquiryId()
          + " "
          + inquiry.ticket()
          + ": prioritized "
          + show(prioritized)
          + ", assigned/queued "
          + show(decided)
          + ", first-response clock "
          + show(clockStarted)
          + ", acknowledgement-sent "
          + show(acknowledged)
          + ", at provider "
          + show(delivered)
          + (outOfOrder ? ", routing events out of order" : "")
          + (ticketMismatch ? ", ticket and notification id name different inquiries" : "");
    }

    private static String show(Count count) {
      return count.raw() == count.distinct()
          ? Integer.toString(count.distinct())
          : count.distinct() + " (" + count.raw() + " records)";
    }
  }

  private final EventLog events;
  private final SmtpProvider smtp;
  private final HttpProviderStub http;

  InquiryAudit(EventLog events, SmtpProvider smtp, HttpProviderStub http) {
    this.events = events;
    this.smtp = smtp;
    this.http = http;
  }

  List<Outcome> audit(Collection<Accepted> inquiries) {
    List<ProviderMessage> messages = new ArrayList<>(smtp.received());
    messages.addAll(http.delivered());
    Map<String, List<Integer>> byInquiry = new HashMap<>();
    Map<String, List<Integer>> byTicket = new HashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      ProviderMessage message = messages.get(i);
      if (!message.isAcknowledgement()) {
        continue;
      }
      byInquiry.computeIfAbsent(message.inquiryId(), k -> new ArrayList<>()).add(i);
      if (message.ticket() != null) {
        byTicket.computeIfAbsent(message.ticket(), k -> new ArrayList<>()).add(i);
      }
    }
    List<Outcome> outcomes = new ArrayList<>(inquiries.size());
    for (Accepted inquiry : inquiries) {
      List<Seen> seen = events.events(inquiry.inquiryId());
      List<Integer> byId = byInquiry.getOrDefault(inquiry.inquiryId(), List.of());
      List<Integer> byNumber = byTicket.getOrDefault(inquiry.ticket(), List.of());
      Set<Integer> either = new HashSet<>(byId);
      either.addAll(byNumber);
      Set<String> notifications = new HashSet<>();
      either.forEach(i -> notifications.add(messages.get(i).notificationId()));
      outcomes.add(
          new Outcome(
              inquiry,
              count(seen, s -> s.type() == EventType.INQUIRY_PRIORITIZED),
              count(
                  seen,
                  s ->
                      s.type() == EventType.INQUIRY_ASSIGNED
                          || s.type() == EventType.INQUIRY_QUEUED),
              count(
                  seen,
                  s ->
                      s.type() == EventType.CLOCK_STARTED
                          && ClockKind.FIRST_RESPONSE.name().equals(s.clock())),
              count(seen, s -> s.type() == EventType.ACKNOWLEDGEMENT_SENT),
              new Count(either.size(), notifications.size()),
              outOfOrder(seen),
              !new HashSet<>(byId).equals(new HashSet<>(byNumber))));
    }
    return outcomes;
  }

  private static Count count(List<Seen> seen, Predicate<Seen> kind) {
    List<Seen> matching = seen.stream().filter(kind).toList();
    return new Count(
        matching.size(), (int) matching.stream().map(Seen::eventId).distinct().count());
  }

  /**
   * The routing events of an inquiry share a key, hence a partition, so their offsets are their
   * order: the first assignment or queueing must come after the first prioritization.
   */
  private static boolean outOfOrder(List<Seen> seen) {
    long prioritized = firstOffset(seen, EventType.INQUIRY_PRIORITIZED);
    long decided =
        Math.min(
            firstOffset(seen, EventType.INQUIRY_ASSIGNED),
            firstOffset(seen, EventType.INQUIRY_QUEUED));
    if (prioritized == Long.MAX_VALUE || decided == Long.MAX_VALUE) {
      return false;
    }
    return decided < prioritized;
  }

  private static long firstOffset(List<Seen> seen, EventType type) {
    return seen.stream()
        .filter(s -> s.type() == type)
        .mapToLong(Seen::offset)
        .min()
        .orElse(Long.MAX_VALUE);
  }

  /** How many outcomes fall in each category; {@code examples} names a few inquiries of each. */
  static Map<String, List<Outcome>> problems(List<Outcome> outcomes) {
    Map<String, List<Outcome>> problems = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      if (!outcome.complete()) {
        problems.computeIfAbsent("lost", k -> new ArrayList<>()).add(outcome);
      }
      if (outcome.doubled()) {
        problems.computeIfAbsent("doubled", k -> new ArrayList<>()).add(outcome);
      }
      if (outcome.outOfOrder()) {
        problems.computeIfAbsent("out of order", k -> new ArrayList<>()).add(outcome);
      }
      if (outcome.republished()) {
        problems.computeIfAbsent("republished (same ce_id)", k -> new ArrayList<>()).add(outcome);
      }
      if (outcome.resent()) {
        problems.computeIfAbsent("resent to provider", k -> new ArrayList<>()).add(outcome);
      }
      if (outcome.ticketMismatch()) {
        problems.computeIfAbsent("ticket mismatch", k -> new ArrayList<>()).add(outcome);
      }
    }
    return problems;
  }
}
